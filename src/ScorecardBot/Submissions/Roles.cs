using Microsoft.Extensions.Options;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Submissions;
using ScorecardBot.Extensions;
using ScorecardBot.Storage;

namespace ScorecardBot.Submissions;

/// <summary>
/// Bound from "Access": who may submit figures. <c>Access:Admins</c> lists AAD object ids that may submit for any
/// command, lock months and run alerts; <c>Access:Leads:&lt;Command&gt;</c> lists the leads of each command
/// (environment form <c>Access__Leads__CTC__0</c>). Nobody has a role that is not configured.
/// </summary>
public sealed class RoleOptions
{
    public const string Section = "Access";

    public List<string> Admins { get; set; } = [];

    public Dictionary<string, List<string>> Leads { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Checked at start: every id a real id, every command one the scorecard has.</summary>
public sealed class RoleOptionsValidator(IOptions<ScorecardOptions> scorecard) : SettingsValidator<RoleOptions>
{
    protected override void Check(RoleOptions options, SettingsProblems problems)
    {
        for (var i = 0; i < options.Admins.Count; i++)
        {
            if (!IsId(options.Admins[i])) problems.Add($"Access:Admins:{i}", $"'{Shown(options.Admins[i])}' is not an AAD object id.");
        }
        // An unreadable definition is reported on its own, where the scorecard is loaded.
        var definitionPath = scorecard.ValidOrNull()?.DefinitionPath;
        var definition = definitionPath is null ? null : DefinitionLoader.LoadFile(ScorecardOptions.Resolve(definitionPath)).Definition;
        foreach (var (command, ids) in options.Leads)
        {
            if (definition is not null && definition.FindCommand(command) is null)
            {
                problems.Add($"Access:Leads:{command}", $"the scorecard has no command {command} (it has {string.Join(", ", definition.Commands.Select(c => c.Code))}).");
            }
            for (var i = 0; i < ids.Count; i++)
            {
                if (!IsId(ids[i])) problems.Add($"Access:Leads:{command}:{i}", $"'{Shown(ids[i])}' is not an AAD object id.");
            }
        }
    }

    // AAD object ids are GUIDs; the Agents Playground's own user has a longer last group, so the shape is checked loosely.
    private static bool IsId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && id.All(c => char.IsAsciiHexDigit(c) || c == '-') && id.Count(c => c == '-') == 4;

    private static string Shown(string? id) => id is null ? "" : id.Length <= 40 ? id : id[..40] + "…";
}

/// <summary>Who a Teams user is to the scorecard: an admin, a lead of some commands, or neither.</summary>
public sealed class Roles(IOptions<RoleOptions> options, ScorecardDefinition definition)
{
    public Submitter For(string? aadObjectId, string? name)
    {
        var id = aadObjectId?.Trim() ?? "";
        var display = string.IsNullOrWhiteSpace(name) ? "someone" : name.Trim();
        if (id.Length == 0) return new Submitter("", display, false, new HashSet<string>());
        var admin = options.Value.Admins.Any(a => Same(a, id));
        var leadOf = options.Value.Leads
            .Where(l => l.Value.Any(v => Same(v, id)) && definition.FindCommand(l.Key) is not null)
            .Select(l => definition.FindCommand(l.Key)!.Code)
            .ToHashSet(StringComparer.Ordinal);
        return new Submitter(id, display, admin, leadOf);
    }

    public IReadOnlyList<string> Admins => options.Value.Admins;

    public IReadOnlyList<string> LeadsOf(Command command) =>
        options.Value.Leads.Where(l => string.Equals(l.Key, command.Code, StringComparison.OrdinalIgnoreCase)).SelectMany(l => l.Value).ToList();

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b, StringComparison.OrdinalIgnoreCase);
}
