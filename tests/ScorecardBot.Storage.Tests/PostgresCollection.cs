namespace ScorecardBot.Storage.Tests;

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}

/// <summary>One server for every test in the collection: xunit starts it before them and stops it after.</summary>
public sealed partial class PostgresServer : IAsyncLifetime;
