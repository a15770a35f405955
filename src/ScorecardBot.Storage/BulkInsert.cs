using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ScorecardBot.Storage;

/// <summary>
/// Appends many rows inside the context's open transaction with EF Core's own table, column and type mappings, so each
/// value is stored exactly as SaveChanges would store it on either provider (a Guid as SQLite's text, a time as
/// PostgreSQL's timestamptz). SaveChanges tracks every entity and reads each new id back, which cost an import of
/// 100,000 revisions most of its time; these rows need neither.
/// </summary>
internal static class BulkInsert
{
    public static async Task WriteAsync<T>(ScorecardDbContext db, IReadOnlyList<T> rows, Action<int> written,
        CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // The key is the database's to number.
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        var getters = columns.Select(c => c.GetGetter()).ToList();
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert belongs inside the caller's transaction.");

        // PostgreSQL: 500 rows a statement, one round trip each, well inside its 65,535 parameters. SQLite: a row a
        // statement, prepared once and run again, as its own bulk-insert advice says; Microsoft.Data.Sqlite binds each
        // parameter by a search through the statement's names, so a wide statement costs the square of its width.
        var perStatement = db.Database.IsSqlite() ? 1 : 500;
        DbCommand? command = null;
        try
        {
            var done = 0;
            foreach (var chunk in rows.Chunk(perStatement))
            {
                if (command is null || command.Parameters.Count != chunk.Length * columns.Count)
                {
                    if (command is not null) await command.DisposeAsync();
                    command = transaction.Connection!.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = insert + string.Join(", ", Enumerable.Range(0, chunk.Length).Select(r =>
                        "(" + string.Join(", ", columns.Select((_, c) => sql.GenerateParameterNamePlaceholder(Name(r, c)))) + ")"));
                }
                command.Parameters.Clear();
                for (var r = 0; r < chunk.Length; r++)
                {
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var value = getters[c].GetClrValue(chunk[r]);
                        command.Parameters.Add(mappings[c].CreateParameter(command, sql.GenerateParameterName(Name(r, c)), value));
                    }
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
                written(done += chunk.Length);
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }

        string Name(int row, int column) => "p" + (row * columns.Count + column).ToString(CultureInfo.InvariantCulture);
    }
}
