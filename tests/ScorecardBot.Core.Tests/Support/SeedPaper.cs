namespace ScorecardBot.Core.Tests.Support;

/// <summary>
/// Every number the committee paper prints (shared/seeds/000_33616d760a9bf34e.txt), transcribed by hand from the paper
/// and not from the shipped seed file. Shared by the golden tests and the pack tests (linked into their project).
/// </summary>
public static class SeedPaper
{
    public const string Value = "value";

    // measure, row ("value" = the headline figure, else the component as printed), Jun-07, Jul-07, Aug-07, FYTD
    public static TheoryData<int, string, string, string, string, string> Figures => new()
    {
        { 1, Value, "85%", "88%", "88%", "88%" },
        { 1, "BOCUs CTIOs rolled out this month", "1", "1", "0", "4" },
        { 1, "Total BOCUs with CTIOs", "28", "29", "29", "29" },
        { 2, Value, "85%", "88%", "87%", "80%" },
        { 2, "SNT Recruited", "82", "51", "15", "327" },
        { 2, "Briefed within 2 months", "70", "45", "13", "263" },
        { 3, Value, "100%", "100%", "100%", "100%" },
        { 3, "Response within set time", "37", "87", "33", "202" },
        { 3, "IED Calls", "37", "87", "33", "202" },
        { 4, Value, "100%", "100%", "100%", "100%" },
        { 4, "Scenes achieving appropriate rating", "14", "49", "22", "103" },
        { 4, "Scenes Managed", "14", "49", "22", "103" },
        { 5, Value, "99%", "98%", "99%", "98%" },
        { 5, "Answered within set time", "406", "347", "410", "2047" },
        { 5, "Calls received", "410", "353", "414", "2080" },
        { 6, Value, "0", "0", "0", "0" },
        { 6, "Orange", "0", "0", "0", "0" },
        { 6, "Yellow", "0", "1", "1", "2" },
        { 6, "Green", "4", "2", "8", "24" },
    };

    // The paper's status for each measure in Jun-07, Jul-07, Aug-07, FYTD.
    public static TheoryData<int, string, string, string, string> Statuses => new()
    {
        { 1, "Above Target", "Above Target", "Above Target", "Above Target" },
        { 2, "Above Target", "Above Target", "Above Target", "Above Target" },
        { 3, "Above Target", "Above Target", "Above Target", "Above Target" },
        { 4, "Above Target", "Above Target", "Above Target", "Above Target" },
        { 5, "Above Target", "Above Target", "Above Target", "Above Target" },
        { 6, "Above Target", "Above Target", "Above Target", "Above Target" },
    };

    public static TheoryData<int, string, string> Targets => new()
    {
        { 1, "85% of London Boroughs", "CTC" },
        { 2, "80%", "CTC" },
        { 3, "95%", "CTC" },
        { 4, "90%", "CTC" },
        { 5, "85% of the time", "CTC" },
        { 6, "No intrusions into Red and Purple Zones", "SO14" },
    };
}
