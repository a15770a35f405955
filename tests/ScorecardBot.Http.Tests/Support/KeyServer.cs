using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using ScorecardBot.Bot;

namespace ScorecardBot.Http.Tests.Support;

/// <summary>
/// A Bot Framework key endpoint on a loopback HTTPS port (the SDK fetches metadata over HTTPS only): OpenID metadata
/// and one signing key endorsed for Teams. Tokens it signs are valid; tokens signed by anyone else are forgeries.
/// </summary>
public sealed class KeyServer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    private const string KeyId = "scorecard-test-key";

    private readonly RSA _key = RSA.Create(2048);
    private readonly X509Certificate2 _certificate = SelfSignedLoopbackCertificate();
    private readonly string _folder = Directory.CreateTempSubdirectory("scorecardbot-keys-").FullName;
    private WebApplication? _app;

    public string MetadataUrl { get; private set; } = "";

    public static async Task<KeyServer> StartAsync()
    {
        var server = new KeyServer();
        // Its own empty content root: the test folder holds the bot's appsettings.json, with the bot's port in it.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = server._folder });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(server._certificate)));
        var app = builder.Build();
        app.MapGet("/.well-known/openidconfiguration", (HttpRequest r) => Results.Json(new
        {
            issuer = Issuer,
            jwks_uri = $"https://{r.Host}/keys",
            id_token_signing_alg_values_supported = new[] { "RS256" },
        }));
        app.MapGet("/keys", () => Results.Json(new { keys = new[] { server.PublicKey() } }));
        await app.StartAsync();
        server._app = app;
        server.MetadataUrl = app.Urls.First() + "/.well-known/openidconfiguration";
        return server;
    }

    /// <summary>A token as the Bot Framework would send it to the bot, signed by this server's key.</summary>
    public string Sign(string audience, string serviceUrl) => Token(new RsaSecurityKey(_key) { KeyId = KeyId }, audience, serviceUrl);

    /// <summary>The same token, naming this server's key but signed with another.</summary>
    public static string Forge(string audience, string serviceUrl) =>
        Token(new RsaSecurityKey(RSA.Create(2048)) { KeyId = KeyId }, audience, serviceUrl);

    /// <summary>The key client trusts this server's self-signed certificate, and only it; the rest of it is the bot's own.</summary>
    public void Trust(IServiceCollection services)
    {
        var thumbprint = _certificate.GetCertHashString();
        services.AddHttpClient(SigningKeys.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint,
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _certificate.Dispose();
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Token(SecurityKey key, string audience, string serviceUrl) => new JwtSecurityTokenHandler().CreateEncodedJwt(
        Issuer, audience, new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]), DateTime.UtcNow.AddMinutes(-1),
        DateTime.UtcNow.AddMinutes(30), DateTime.UtcNow, new SigningCredentials(key, SecurityAlgorithms.RsaSha256));

    private object PublicKey()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return new
        {
            kty = "RSA",
            use = "sig",
            kid = KeyId,
            n = Base64UrlEncoder.Encode(parameters.Modulus),
            e = Base64UrlEncoder.Encode(parameters.Exponent),
            endorsements = new[] { "msteams" },
        };
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}

/// <summary>A loopback port where the key endpoint should be: nothing listening (refused), or a listener that never answers.</summary>
public sealed class DeadKeyEndpoint : IDisposable
{
    private readonly TcpListener? _listener;
    private readonly List<Socket> _held = [];

    private DeadKeyEndpoint(int port, TcpListener? listener)
    {
        (_listener, MetadataUrl) = (listener, $"https://127.0.0.1:{port}/.well-known/openidconfiguration");
        if (listener is not null) _ = HoldAsync(listener);
    }

    public string MetadataUrl { get; }

    public static DeadKeyEndpoint Refusing()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new DeadKeyEndpoint(port, null);
    }

    public static DeadKeyEndpoint Silent()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new DeadKeyEndpoint(((IPEndPoint)listener.LocalEndpoint).Port, listener);
    }

    public void Dispose()
    {
        _listener?.Stop();
        lock (_held) _held.ForEach(s => s.Dispose());
    }

    private async Task HoldAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                var socket = await listener.AcceptSocketAsync();
                lock (_held) _held.Add(socket);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}

/// <summary>Bearer tokens nobody should accept.</summary>
public static class Tokens
{
    /// <summary>Shaped like a JWT (so it passes the cheap check before the body is read), valid in no other way.</summary>
    public const string JwtShaped = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2lnbmF0dXJl";
}
