using Microsoft.Extensions.AI;

namespace ActionAgent.Models.Providers;

/// <summary>Disposes the HttpClient the factory created together with the client chain.</summary>
internal sealed class OwningChatClient(IChatClient innerClient, IDisposable owned) : DelegatingChatClient(innerClient)
{
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            owned.Dispose();
        }

        base.Dispose(disposing);
    }
}
