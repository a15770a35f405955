namespace ScorecardBot.Http.Tests.Support;

/// <summary>
/// Tests that time or measure the bot run in this collection: after every other test of the assembly, one at a time,
/// so the test process's own work is all the bot's. Other processes on the machine still share its cores, so bounds
/// stay generous, and a cost is measured in CPU time where the wall clock would only measure the machine's load.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "Measured alone";
}
