namespace ScorecardBot.LoadTest;

/// <summary>This repository on disk, for the programs the benchmarks build and start.</summary>
public static class Repository
{
    /// <summary>The folder holding ScorecardBot.sln, found upwards from the current folder or this program's.</summary>
    public static string Root()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ScorecardBot.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("ScorecardBot.sln not found above the current folder: run from the repository.");
    }
}
