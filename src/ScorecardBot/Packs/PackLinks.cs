using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using ScorecardBot.Core.Periods;
using ScorecardBot.Questions;

namespace ScorecardBot.Packs;

/// <summary>What one pack link asks for: the months, the file, the tenant it was issued in, and when it stops working.</summary>
public sealed record PackLinkRequest(MonthRange Period, PackFormat Format, string Tenant, long Expires)
{
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(Expires);
}

public enum PackLinkRefusal { None, Invalid, Expired, Tenant }

/// <summary>
/// Signs and checks committee pack links: an HMAC-SHA256 over the canonical request (path, months, format, tenant,
/// expiry) with Pack:SigningKey. A link is the whole permission: it names what to render and nothing else, so the
/// endpoint behind it never reads a path, a file name or a listing from the request.
/// </summary>
public sealed partial class PackLinks
{
    public const string Path = "/packs";

    private static readonly string[] Parameters = ["from", "to", "format", "tenant", "expires", "sig"];

    private readonly byte[] _key;
    private readonly TimeProvider _clock;

    public PackLinks(IOptions<PackOptions> options, TimeProvider clock, ILogger<PackLinks> logger)
    {
        _clock = clock;
        Lifetime = options.Value.LinkLifetime;
        if (string.IsNullOrWhiteSpace(options.Value.SigningKey))
        {
            _key = RandomNumberGenerator.GetBytes(PackOptions.MinKeyBytes);
            Log.RandomSigningKey(logger);
        }
        else
        {
            _key = Convert.FromBase64String(options.Value.SigningKey.Trim());
        }
    }

    public TimeSpan Lifetime { get; }

    public static string FormatName(PackFormat format) => format == PackFormat.Pdf ? "pdf" : "xlsx";

    /// <summary>When a link issued now stops working: <see cref="Lifetime"/> from now, to the second.</summary>
    public long ExpiryFromNow() => _clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();

    public Uri Build(Uri baseUrl, PackLinkRequest request)
    {
        var values = Values(request);
        var query = string.Join("&", Parameters.Select(p => $"{p}={Uri.EscapeDataString(p == "sig" ? Sign(values) : values[p])}"));
        return new Uri($"{baseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/')}{Path}?{query}");
    }

    /// <summary>
    /// The request a link stands for, or why it is refused: any parameter missing, repeated, unknown or changed, a
    /// signature that does not match (compared in constant time), or an expiry passed or further off than a link is
    /// given. Whether its tenant may have it is the caller's to ask.
    /// </summary>
    public PackLinkRefusal Check(IQueryCollection query, out PackLinkRequest? request)
    {
        request = null;
        if (query.Count != Parameters.Length) return PackLinkRefusal.Invalid;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Parameters)
        {
            if (!query.TryGetValue(name, out StringValues value) || value.Count != 1 || value[0] is not { Length: <= 200 } text)
                return PackLinkRefusal.Invalid;
            values[name] = text;
        }
        if (!SignatureMatches(values)) return PackLinkRefusal.Invalid;
        if (!TryRead(values, out var read)) return PackLinkRefusal.Invalid;
        var now = _clock.GetUtcNow();
        if (now >= read.ExpiresAt) return PackLinkRefusal.Expired;
        // No link this bot issues lives longer than its lifetime (plus a minute for clocks), even one signed before a
        // shorter lifetime was set.
        if (read.ExpiresAt > now + Lifetime + TimeSpan.FromMinutes(1)) return PackLinkRefusal.Invalid;
        request = read;
        return PackLinkRefusal.None;
    }

    private static Dictionary<string, string> Values(PackLinkRequest request) => new(StringComparer.Ordinal)
    {
        ["from"] = request.Period.From.ToString(),
        ["to"] = request.Period.To.ToString(),
        ["format"] = FormatName(request.Format),
        ["tenant"] = request.Tenant,
        ["expires"] = request.Expires.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>One line per parameter, in a fixed order, after the method and path: nothing can move between fields.</summary>
    private static string Canonical(Dictionary<string, string> values) =>
        $"GET {Path}\n" + string.Join("\n", Parameters.Where(p => p != "sig").Select(p => $"{p}={values[p]}"));

    private string Sign(Dictionary<string, string> values) =>
        Base64Url(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(Canonical(values))));

    private bool SignatureMatches(Dictionary<string, string> values)
    {
        if (!TryFromBase64Url(values["sig"], out var given)) return false;
        var expected = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(Canonical(values)));
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The signed values, read back strictly: each must be written exactly as this bot writes it.</summary>
    private static bool TryRead(Dictionary<string, string> values, out PackLinkRequest request)
    {
        request = null!;
        if (!YearMonth.TryParse(values["from"], out var from) || from.ToString() != values["from"]) return false;
        if (!YearMonth.TryParse(values["to"], out var to) || to.ToString() != values["to"] || to < from) return false;
        PackFormat? format = values["format"] switch { "pdf" => PackFormat.Pdf, "xlsx" => PackFormat.Xlsx, _ => null };
        if (format is null) return false;
        if (!long.TryParse(values["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires.ToString(CultureInfo.InvariantCulture) != values["expires"] || expires > 253_402_300_799) return false;
        if (!IsTenantShaped(values["tenant"])) return false;
        request = new PackLinkRequest(new MonthRange(from, to), format.Value, values["tenant"], expires);
        return true;
    }

    /// <summary>A tenant id as Teams sends one (a GUID), or none: never anything that could read as another field.</summary>
    public static bool IsTenantShaped(string tenant) =>
        tenant.Length <= 64 && tenant.All(c => char.IsAsciiLetterOrDigit(c) || c is '-');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length != 43 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))) return false;
        var padded = text.Replace('-', '+').Replace('_', '/') + "=";
        bytes = new byte[32];
        return Convert.TryFromBase64String(padded, bytes, out var length) && length == 32;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "No Pack:SigningKey: committee pack links are signed with a random key made for this process, "
            + "so they stop working when it restarts and on any other instance (local use only)")]
        public static partial void RandomSigningKey(ILogger logger);
    }
}
