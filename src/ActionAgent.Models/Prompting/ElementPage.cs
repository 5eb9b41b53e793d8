namespace ActionAgent.Models.Prompting;

/// <summary>Which slice of the element list a prompt showed: page <see cref="Page"/> of <see cref="PageCount"/>.</summary>
public sealed record ElementPage(int Page, int PageCount, int Shown, int Total);
