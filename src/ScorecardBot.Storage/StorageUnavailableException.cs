namespace ScorecardBot.Storage;

/// <summary>The database cannot be opened or migrated; the message says which and why, in words for an operator.</summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
