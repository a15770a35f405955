using System.Text;

namespace ScorecardBot.Cli;

/// <summary>The --output file, or standard output; a file that cannot be written is one clear line, not a stack trace.</summary>
public static class OutputFile
{
    public static Stream Create(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"Cannot write {path}: {e.Message}");
        }
    }

    /// <summary>A writer for text: the file (UTF-8, no byte order mark), or the console's output left open.</summary>
    public static TextWriter OpenText(string? path, CliConsole console) =>
        path is null ? new NonClosingWriter(console.Out) : new StreamWriter(Create(path), new UTF8Encoding(false));

    private sealed class NonClosingWriter(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;
        public override void Write(char value) => inner.Write(value);
        public override void Write(char[] buffer, int index, int count) => inner.Write(buffer, index, count);
        public override void Write(string? value) => inner.Write(value);
        public override void Flush() => inner.Flush();
        protected override void Dispose(bool disposing)
        {
            inner.Flush();
            base.Dispose(disposing);
        }
    }
}
