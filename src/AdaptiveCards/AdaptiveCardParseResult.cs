namespace AdaptiveCards;

public class AdaptiveCardParseResult
{
    public AdaptiveCard? Card { get; set; }

    public List<AdaptiveWarning> Warnings { get; } = [];
}

public class AdaptiveWarning(int code, string message)
{
    public int Code { get; set; } = code;

    public string Message { get; set; } = message;
}

public class AdaptiveException : Exception
{
    public AdaptiveException() { }

    public AdaptiveException(string message) : base(message) { }

    public AdaptiveException(string message, Exception innerException) : base(message, innerException) { }
}

public class AdaptiveSerializationException : AdaptiveException
{
    public AdaptiveSerializationException() { }

    public AdaptiveSerializationException(string message) : base(message) { }

    public AdaptiveSerializationException(string message, Exception innerException) : base(message, innerException) { }
}
