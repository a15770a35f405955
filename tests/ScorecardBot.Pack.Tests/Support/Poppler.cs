using System.Diagnostics;

namespace ScorecardBot.Pack.Tests.Support;

/// <summary>poppler-utils (pdftotext, pdftoppm): a PDF read back by a real reader, not by the code that wrote it.</summary>
public static class Poppler
{
    public static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is missing: install poppler-utils (scripts/test does).", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error}");
            return output.Result;
        }
    }

    public static string Text(string pdf, string mode = "-layout") => Run("pdftotext", mode, pdf, "-");

    /// <summary>A page rendered at 72 dpi (one pixel per point) as RGB rows, read from pdftoppm's PPM.</summary>
    public static (int Width, int Height, byte[] Rgb) Page(string pdf, int page, string folder)
    {
        var prefix = Path.Combine(folder, $"page-{page}");
        Run("pdftoppm", "-r", "72", "-f", page.ToString(), "-l", page.ToString(), "-singlefile", pdf, prefix);
        var bytes = File.ReadAllBytes(prefix + ".ppm");
        // P6\n<width> <height>\n255\n then the pixels.
        var fields = new List<string>();
        var at = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)bytes[at])) at++;
            var start = at;
            while (!char.IsWhiteSpace((char)bytes[at])) at++;
            fields.Add(System.Text.Encoding.ASCII.GetString(bytes, start, at - start));
        }
        at++;
        return (int.Parse(fields[1]), int.Parse(fields[2]), bytes[at..]);
    }
}
