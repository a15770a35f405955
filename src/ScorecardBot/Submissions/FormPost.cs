using Newtonsoft.Json.Linq;
using ScorecardBot.Core.Definition;
using ScorecardBot.Core.Periods;
using ScorecardBot.Core.Submissions;

namespace ScorecardBot.Submissions;

/// <summary>
/// A submitted form as the card's Action.Execute sends it: the form's own data (command, the month it was drawn for,
/// the version, the submission id) under "form", and the inputs' values beside it. Read strictly: anything malformed
/// is refused whole, and the inputs' values are handed to the validator as text, never trusted.
/// </summary>
public sealed record FormPost(Command Command, YearMonth DrawnMonth, long Version, Guid SubmissionId, bool Confirmed, IReadOnlyDictionary<string, string?> Fields)
{
    public const string FormKey = "form";

    private static readonly HashSet<string> FormKeys = ["command", "month", "version", "submission", "confirm"];

    /// <summary>The form's data for a button: what the server needs to know which form this was.</summary>
    public static JObject Data(SubmissionForm form, long version, Guid submissionId, bool confirm = false)
    {
        var data = new JObject
        {
            ["command"] = form.Command.Code,
            ["month"] = form.Month.ToString(),
            ["version"] = version,
            ["submission"] = submissionId.ToString("D"),
        };
        if (confirm) data["confirm"] = true;
        return new JObject { [FormKey] = data };
    }

    /// <summary>The post, or why it cannot be one (a crafted or broken invoke).</summary>
    public static (FormPost? Post, string? Problem) Parse(JToken? value, ScorecardDefinition definition)
    {
        if (value is not JObject data) return (null, "the action carried no data");
        if (data[FormKey] is not JObject form) return (null, "the action did not say which form it came from");
        if (form.Properties().FirstOrDefault(p => !FormKeys.Contains(p.Name)) is { } extra) return (null, $"the form data carried an unknown key '{Short(extra.Name)}'");
        if (Text(form["command"]) is not { } code || definition.FindCommand(code) is not { } command) return (null, "the form named no command the scorecard has");
        if (Text(form["month"]) is not { } monthText || !YearMonth.TryParse(monthText, out var month)) return (null, "the form named no month");
        if (form["version"] is not JValue { Type: JTokenType.Integer } versionValue || (long)versionValue < 0) return (null, "the form carried no version");
        if (Text(form["submission"]) is not { } idText || !Guid.TryParseExact(idText, "D", out var submissionId)) return (null, "the form carried no submission id");
        var confirmed = form["confirm"] is JValue { Type: JTokenType.Boolean } confirm && (bool)confirm;

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var property in data.Properties())
        {
            if (property.Name == FormKey) continue;
            if (property.Value is not JValue scalar) return (null, $"the field '{Short(property.Name)}' carried a structure, not a value");
            fields[property.Name] = scalar.Type switch
            {
                JTokenType.Null => null,
                JTokenType.String => (string?)scalar,
                JTokenType.Integer or JTokenType.Float => Convert.ToString(scalar.Value, System.Globalization.CultureInfo.InvariantCulture),
                _ => scalar.ToString(Newtonsoft.Json.Formatting.None),
            };
        }
        return (new FormPost(command, month, (long)versionValue, submissionId, confirmed, fields), null);
    }

    private static string? Text(JToken? token) => token is JValue { Type: JTokenType.String } v ? (string?)v : null;

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
