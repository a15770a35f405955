using Microsoft.Data.Sqlite;

namespace ScorecardBot.Storage.Tests;

public sealed class SqliteFileTests : IDisposable
{
    private readonly SqliteTestFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_migrated_file_uses_write_ahead_logging_so_a_writer_commits_while_a_reader_is_mid_read()
    {
        var database = new ScorecardDatabase(_folder.EmptyDatabase());
        await database.MigrateAsync();

        await using var reader = new SqliteConnection(database.ConnectionString);
        await reader.OpenAsync();
        using (var mode = reader.CreateCommand())
        {
            mode.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync());
        }
        // A read transaction holding its snapshot, as a question reading the scorecard does: in the rollback journal
        // its shared lock keeps any writer from committing, and the writer below would fail busy after its 1 s.
        await using var readTransaction = reader.BeginTransaction(deferred: true);
        using (var count = reader.CreateCommand())
        {
            count.Transaction = readTransaction;
            count.CommandText = "SELECT COUNT(*) FROM bot_state;";
            Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
        }

        await using var writer = new SqliteConnection(database.ConnectionString + ";Default Timeout=1");
        await writer.OpenAsync();
        using var insert = writer.CreateCommand();
        insert.CommandText = "INSERT INTO bot_state (\"Key\", \"Document\", \"ETag\", \"UpdatedAtUtc\") VALUES ('w', '{}', 'e', '2026-12-01 00:00:00');";

        Assert.Equal(1, await insert.ExecuteNonQueryAsync());
    }
}
