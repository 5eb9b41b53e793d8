namespace ActionAgent.Core.Recording;

/// <summary>The recording could not be written (disk full, no permission); the message says where and what to do.</summary>
public sealed class RecordingException(string message, Exception inner) : IOException(message, inner);
