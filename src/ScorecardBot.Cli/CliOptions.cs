using System.CommandLine;

namespace ScorecardBot.Cli;

/// <summary>Options more than one command shares.</summary>
public static class CliOptions
{
    /// <summary>One of a few words, any case ("CSV" is csv); the first is the default unless <paramref name="required"/>.</summary>
    public static Option<string> Choice(string name, string description, bool required, params string[] values)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', values),
            Required = required,
        };
        if (!required) option.DefaultValueFactory = _ => values[0];
        option.Validators.Add(result =>
        {
            var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : values[0];
            if (!values.Contains(value, StringComparer.OrdinalIgnoreCase))
                result.AddError($"{name} '{value}' is not known; use {string.Join(", ", values[..^1])} or {values[^1]}.");
        });
        return option;
    }

    public static string ChoiceValue(this ParseResult parse, Option<string> option) => parse.GetValue(option)!.ToLowerInvariant();

    public static Option<string?> Output(string description) => new("--output", "-o") { Description = description, HelpName = "FILE" };
}
