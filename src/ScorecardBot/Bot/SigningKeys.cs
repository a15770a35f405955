using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Polly;

namespace ScorecardBot.Bot;

/// <summary>
/// The HTTP client that fetches the Bot Framework's OpenID metadata and token signing keys: short attempt timeouts,
/// a few retries and a circuit breaker, so a key endpoint that refuses or never answers costs a request a few seconds
/// and a 503, not 100 s and a 500.
/// </summary>
public static class SigningKeys
{
    public const string ClientName = "BotFrameworkSigningKeys";

    public static void AddSigningKeysClient(this IServiceCollection services)
    {
        services.AddHttpClient(ClientName)
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
            {
                var keys = sp.GetRequiredService<IOptions<BotOptions>>().Value.SigningKeys;
                resilience.TotalRequestTimeout.Timeout = keys.Timeout;
                resilience.AttemptTimeout.Timeout = keys.AttemptTimeout;
                resilience.Retry.MaxRetryAttempts = keys.Retries;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(100);
                resilience.Retry.BackoffType = DelayBackoffType.Exponential;
                // Keys are fetched rarely: two failures in a row are enough to stop asking for a few seconds.
                resilience.CircuitBreaker.MinimumThroughput = 2;
                resilience.CircuitBreaker.FailureRatio = 0.5;
                resilience.CircuitBreaker.SamplingDuration = Max(TimeSpan.FromSeconds(30), 2 * keys.AttemptTimeout);
                resilience.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(5);
            });
    }

    /// <summary>
    /// The SDK validates tokens with a private static HttpClient (100 s timeout) and keeps one key cache per metadata
    /// URL, made by the first <see cref="JwtTokenExtractor"/> built for that URL. Building one first, with our client,
    /// for each URL the configuration leads the SDK to, makes every later key fetch go through our client.
    /// </summary>
    public static void Prime(IConfiguration configuration, HttpClient client)
    {
        foreach (var url in MetadataUrls(configuration))
            _ = new JwtTokenExtractor(client, new TokenValidationParameters(), url, AuthenticationConstants.AllowedSigningAlgorithms);
    }

    /// <summary>
    /// The URLs ConfigurationBotFrameworkAuthentication uses: configured ones, else the public or US Government cloud's.
    /// </summary>
    public static IReadOnlyList<string> MetadataUrls(IConfiguration configuration)
    {
        var channel = configuration["ToBotFromChannelOpenIdMetadataUrl"];
        var emulator = configuration["ToBotFromEmulatorOpenIdMetadataUrl"];
        if (!string.IsNullOrEmpty(channel) || !string.IsNullOrEmpty(emulator))
            return new[] { channel, emulator }.Where(u => !string.IsNullOrEmpty(u)).Select(u => u!).ToList();
        return string.IsNullOrEmpty(configuration["ChannelService"])
            ? [AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
                AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl]
            : [GovernmentAuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
                GovernmentAuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl];
    }

    /// <summary>
    /// Whether an authentication failure is ours: the metadata or keys could not be fetched (the configuration manager
    /// wraps the HTTP failure, a timeout or an open circuit), rather than a token that is not valid.
    /// </summary>
    public static bool CouldNotBeFetched(Exception exception)
    {
        if (exception is not InvalidOperationException) return false;
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is IOException or HttpRequestException or ExecutionRejectedException or OperationCanceledException) return true;
        }
        return false;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
