using ScorecardBot.Answers;
using ScorecardBot.Core.Periods;
using ScorecardBot.Questions;

namespace ScorecardBot.Packs;

/// <summary>One file of the pack and the signed link that downloads it.</summary>
public sealed record PackFile(PackFormat Format, Uri Link);

/// <summary>
/// The committee pack offered in chat: the months it covers, a link per file, and when the links stop working. Without
/// files (no figures for the months asked, months outside the scorecard's year) the note says why.
/// </summary>
public sealed record PackView(
    MonthRange? Period, IReadOnlyList<PackFile> Files, DateTimeOffset? Expires, TimeSpan Lifetime, string? Note) : IAnswerView;
