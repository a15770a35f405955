using System.Reflection;
using PdfSharp.Fonts;

namespace ScorecardBot.Pack;

/// <summary>
/// Serves the DejaVu Sans Condensed faces shipped inside this assembly to PDFsharp, so a pack renders the same on any
/// machine (Linux has no fonts PDFsharp can find by itself).
/// </summary>
public sealed class PackFonts : IFontResolver
{
    public const string Family = "DejaVu Sans Condensed";
    private const string Regular = "DejaVuSansCondensed.ttf";
    private const string Bold = "DejaVuSansCondensed-Bold.ttf";
    private static readonly Lock Gate = new();

    /// <summary>PDFsharp takes one resolver per process, set before any font is used.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is PackFonts) return;
            if (GlobalFontSettings.FontResolver is not null)
                throw new InvalidOperationException("Another PDFsharp font resolver is already registered in this process.");
            GlobalFontSettings.FontResolver = new PackFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic)
            : null;

    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ScorecardBot.Pack.Fonts." + faceName);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
