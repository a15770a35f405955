using System.Globalization;
using System.Text.Json;
using ScorecardBot.Core.Periods;

namespace ScorecardBot.Core.Definition;

/// <summary>
/// Reads a scorecard definition (JSON) and checks it whole: every problem is reported with its file and path,
/// not just the first, so whoever edits the file can fix it in one pass.
/// </summary>
public static class DefinitionLoader
{
    public static DefinitionLoadResult LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new DefinitionLoadResult(null, [new DefinitionProblem(path, "$", $"cannot be read: {e.Message}")]);
        }
        return Parse(text, path);
    }

    public static DefinitionLoadResult Parse(string json, string fileName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $"line {line + 1}, position {e.BytePositionInLine + 1}" : "$";
            return new DefinitionLoadResult(null, [new DefinitionProblem(fileName, where, "is not valid JSON: " + FirstSentence(e.Message))]);
        }
        using (document)
        {
            var reader = new Reader(fileName);
            var definition = reader.ReadDefinition(document.RootElement);
            return new DefinitionLoadResult(reader.Problems.Count == 0 ? definition : null, reader.Problems);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private sealed class Reader(string file)
    {
        public List<DefinitionProblem> Problems { get; } = [];

        private void Problem(string path, string message) => Problems.Add(new DefinitionProblem(file, path, message));

        public ScorecardDefinition? ReadDefinition(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Problem("$", "must be a JSON object");
                return null;
            }

            var id = RequiredString(root, "$", "id");
            var title = RequiredString(root, "$", "title");
            var organisation = OptionalString(root, "$", "organisation") ?? "";
            var financialYear = ReadFinancialYear(root);
            var commands = ReadCommands(root);
            var key = ReadKey(root);
            var measures = ReadMeasures(root, commands, key);
            var objectives = ReadObjectives(root, measures);
            var glossary = ReadGlossary(root);

            if (Problems.Count > 0 || id is null || title is null || financialYear is null || key is null) return null;
            return new ScorecardDefinition(id, title, organisation, financialYear, commands, objectives, measures, glossary, key.Words);
        }

        private FinancialYear? ReadFinancialYear(JsonElement root)
        {
            if (!RequiredObject(root, "$", "financialYear", out var fy)) return null;
            var label = RequiredString(fy, "$.financialYear", "label");
            var start = RequiredString(fy, "$.financialYear", "start");
            if (start is null) return null;
            if (!YearMonth.TryParse(start, out var startMonth))
            {
                Problem("$.financialYear.start", $"'{start}' is not a month in the form yyyy-MM");
                return null;
            }
            return label is null ? null : new FinancialYear(label, startMonth);
        }

        private List<Command> ReadCommands(JsonElement root)
        {
            var commands = new List<Command>();
            foreach (var (item, path) in RequiredArray(root, "$", "commands"))
            {
                var code = RequiredString(item, path, "code");
                var name = OptionalString(item, path, "name");
                if (code is null) continue;
                if (commands.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)))
                {
                    Problem(path + ".code", $"command '{code}' is declared twice");
                    continue;
                }
                commands.Add(new Command(code, name ?? code));
            }
            return commands;
        }

        private sealed record Key(KeyWords Words, decimal? Tolerance);

        /// <summary>The Key's words and default band; without a "key" the committee paper's own.</summary>
        private Key? ReadKey(JsonElement root)
        {
            if (!root.TryGetProperty("key", out _)) return new Key(KeyWords.Paper, null);
            if (!RequiredObject(root, "$", "key", out var key)) return null;
            var paper = KeyWords.Paper;
            var words = new KeyWords(
                OptionalString(key, "$.key", "aboveTarget") ?? paper.AboveTarget,
                OptionalString(key, "$.key", "withinTolerance") ?? paper.WithinTolerance,
                OptionalString(key, "$.key", "outsideTolerance") ?? paper.OutsideTolerance,
                OptionalString(key, "$.key", "noData") ?? paper.NoData,
                OptionalString(key, "$.key", "yearToDate") ?? paper.YearToDate);
            decimal? tolerance = key.TryGetProperty("tolerance", out _) ? RequiredDecimal(key, "$.key", "tolerance") : null;
            if (tolerance is < 0 or > 1) Problem("$.key.tolerance", $"must be a fraction between 0 and 1 (0.05 means 5%), not {tolerance}");
            return new Key(words, tolerance);
        }

        private List<Measure> ReadMeasures(JsonElement root, List<Command> commands, Key? key)
        {
            var measures = new List<Measure>();
            var componentIds = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (item, path) in RequiredArray(root, "$", "measures"))
            {
                var measure = ReadMeasure(item, path, commands, componentIds, key?.Tolerance);
                if (measure is null) continue;
                measure.Key = key?.Words ?? KeyWords.Paper;
                CheckBandWords(measure, path);
                measures.Add(measure);
            }
            return measures;
        }

        /// <summary>A Key label that prints a band ("10%") must print this measure's: "{tolerance}" says it for each.</summary>
        private void CheckBandWords(Measure measure, string path)
        {
            var band = KeyWords.Band(measure.Tolerance);
            foreach (var (name, label) in new[] { ("withinTolerance", measure.Key.WithinTolerance), ("outsideTolerance", measure.Key.OutsideTolerance) })
            {
                foreach (System.Text.RegularExpressions.Match printed in System.Text.RegularExpressions.Regex.Matches(label, @"\d+(?:\.\d+)?%"))
                {
                    if (printed.Value == band) continue;
                    Problem($"$.key.{name}", $"says {printed.Value}, but measure {measure.Number}'s tolerance ({path}) is {band}; write {KeyWords.TolerancePlaceholder} to show each measure's own band");
                }
            }
        }

        private readonly Dictionary<int, string> _measureNumbers = [];

        private Measure? ReadMeasure(JsonElement item, string path, List<Command> commands, Dictionary<string, string> componentIds, decimal? keyTolerance)
        {
            var problemsBefore = Problems.Count;
            var number = RequiredInt(item, path, "number");
            if (number is <= 0)
            {
                Problem(path + ".number", "must be a whole number of 1 or more");
                number = null;
            }
            else if (number is { } n && !_measureNumbers.TryAdd(n, path))
            {
                Problem(path + ".number", $"measure number {n} is used twice (first at {_measureNumbers[n]})");
                number = null;
            }
            var title = RequiredString(item, path, "title");
            var shortName = OptionalString(item, path, "shortName") ?? title;
            var aliases = StringList(item, path, "aliases");
            var commandCode = RequiredString(item, path, "command");
            Command? command = null;
            if (commandCode is not null)
            {
                command = commands.FirstOrDefault(c => string.Equals(c.Code, commandCode, StringComparison.OrdinalIgnoreCase));
                if (command is null)
                {
                    var known = commands.Count == 0 ? "none are declared" : "known: " + string.Join(", ", commands.Select(c => c.Code));
                    Problem(path + ".command", $"unknown command '{commandCode}' ({known})");
                }
            }

            var components = new List<Component>();
            foreach (var (c, cpath) in RequiredArray(item, path, "components"))
            {
                var component = ReadComponent(c, cpath);
                if (component is null) continue;
                if (componentIds.TryGetValue(component.Id, out var firstPath))
                {
                    Problem(cpath + ".id", $"component id '{component.Id}' is already used at {firstPath}");
                    continue;
                }
                componentIds[component.Id] = cpath;
                components.Add(component);
            }

            ReadChangeOf(item, path, components);
            var formula = ReadFormula(item, path, components);
            var target = ReadTarget(item, path);
            var unit = RequiredEnum<Unit>(item, path, "unit");
            var direction = RequiredEnum<Direction>(item, path, "direction");
            // The Key's band, unless this measure has its own.
            var tolerance = keyTolerance is { } band && !item.TryGetProperty("tolerance", out _) ? band : RequiredDecimal(item, path, "tolerance");
            if (tolerance is < 0 or > 1)
            {
                Problem(path + ".tolerance", $"must be a fraction of the target between 0 and 1 (0.10 means 10%), not {tolerance}");
            }
            var decimals = OptionalInt(item, path, "decimals") ?? 0;
            if (decimals is < 0 or > 4) Problem(path + ".decimals", "must be between 0 and 4");
            if (unit == Unit.Percent && target is { Value: < 0 or > 100 })
            {
                Problem(path + ".target.value", $"a percentage target must be between 0 and 100, not {target.Value}");
            }

            if (target is not null && unit == Unit.Percent && target.Per != TargetPer.Level)
            {
                Problem(path + ".target.per", "a percentage is a rate: its target applies to any period as it is, so \"per\" must be \"level\" or left out");
            }
            if (target is not null && unit == Unit.Count && formula is CountFormula && !HasTargetPer(item))
            {
                Problem(path + ".target.per", "a count target must say which period it is for: \"month\" (scaled by the months compared), \"year\" (pro rata) or \"level\" (as it is)");
            }

            if (formula is RatioFormula && unit == Unit.Count || formula is CountFormula && unit == Unit.Percent)
            {
                Problem(path + ".unit", $"'{unit.ToString()!.ToLowerInvariant()}' does not suit a {(formula is RatioFormula ? "ratio (use 'percent')" : "count (use 'count')")}");
            }

            if (formula is not null)
            {
                var used = formula.ComponentIds.ToHashSet(StringComparer.Ordinal);
                for (var i = 0; i < components.Count; i++)
                {
                    var component = components[i];
                    if (!used.Contains(component.Id) && !component.ReportedOnly)
                    {
                        Problem($"{path}.components[{i}]",
                            $"component '{component.Name}' is used by no measure value; mark it \"reportedOnly\": true if it is reported but not counted");
                    }
                }
            }

            if (number is null || title is null || command is null || formula is null || target is null || unit is null
                || direction is null || tolerance is null || Problems.Count > problemsBefore)
            {
                return null;
            }

            var measure = new Measure(number.Value, title, shortName!, aliases, command, components, formula, target,
                unit.Value, direction.Value, tolerance.Value, decimals);
            foreach (var c in components) c.Measure = measure;
            return measure;
        }

        private Component? ReadComponent(JsonElement item, string path)
        {
            var id = RequiredString(item, path, "id");
            var name = RequiredString(item, path, "name");
            var aggregation = RequiredEnum<Aggregation>(item, path, "aggregation");
            var max = OptionalLong(item, path, "max");
            if (max is < 0) Problem(path + ".max", "must be 0 or more");
            var reportedOnly = OptionalBool(item, path, "reportedOnly") ?? false;
            var aliases = StringList(item, path, "aliases");
            if (id is null || name is null || aggregation is null) return null;
            return new Component(id, name, aggregation.Value, max, reportedOnly, aliases);
        }

        /// <summary>"changeOf": a flow that is the monthly change of a stock of the same measure.</summary>
        private void ReadChangeOf(JsonElement item, string path, List<Component> components)
        {
            if (!item.TryGetProperty("components", out var list) || list.ValueKind != JsonValueKind.Array) return;
            var index = 0;
            foreach (var c in list.EnumerateArray())
            {
                var cpath = $"{path}.components[{index++}]";
                var id = c.ValueKind == JsonValueKind.Object && c.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                    ? idElement.GetString() : null;
                var component = components.Find(x => x.Id == id);
                if (component is null || OptionalString(c, cpath, "changeOf") is not { } stockId) continue;
                var stock = components.Find(x => x.Id == stockId);
                if (stock is null || stock.Aggregation != Aggregation.Latest || component.Aggregation != Aggregation.Sum)
                {
                    Problem(cpath + ".changeOf", $"must name a stock (\"aggregation\": \"latest\") of this measure, and be a flow itself; '{stockId}' is not");
                    continue;
                }
                component.ChangeOf = stock.Id;
            }
        }

        private ValueFormula? ReadFormula(JsonElement item, string path, List<Component> components)
        {
            if (!RequiredObject(item, path, "value", out var value)) return null;
            var vpath = path + ".value";
            var kind = RequiredString(value, vpath, "kind");
            var basis = OptionalString(value, vpath, "basis") ?? "";
            string? Ref(string name, bool required)
            {
                var id = required ? RequiredString(value, vpath, name) : OptionalString(value, vpath, name);
                if (id is null) return null;
                var component = components.Find(c => c.Id == id);
                if (component is null)
                {
                    Problem($"{vpath}.{name}", $"refers to component '{id}', which this measure does not have");
                    return null;
                }
                // The component's own string, so the calculator's id comparisons succeed on reference.
                return component.Id;
            }

            switch (kind)
            {
                case null:
                    return null;
                case "ratio":
                {
                    var numerator = Ref("numerator", required: true);
                    var denominator = Ref("denominator", required: false);
                    var constant = OptionalLong(value, vpath, "denominatorConstant");
                    if (value.TryGetProperty("denominator", out _) == value.TryGetProperty("denominatorConstant", out _))
                    {
                        Problem(vpath, "a ratio needs exactly one of \"denominator\" (a component id) or \"denominatorConstant\" (a number)");
                        return null;
                    }
                    if (constant is <= 0)
                    {
                        Problem(vpath + ".denominatorConstant", "must be 1 or more");
                        return null;
                    }
                    return numerator is null ? null : new RatioFormula(basis, numerator, denominator, constant);
                }
                case "count":
                {
                    var component = Ref("component", required: true);
                    return component is null ? null : new CountFormula(basis, component);
                }
                default:
                    Problem(vpath + ".kind", $"unknown kind '{kind}' (expected 'ratio' or 'count')");
                    return null;
            }
        }

        private Target? ReadTarget(JsonElement item, string path)
        {
            if (!RequiredObject(item, path, "target", out var target)) return null;
            var value = RequiredDecimal(target, path + ".target", "value");
            var text = OptionalString(target, path + ".target", "text");
            var per = target.TryGetProperty("per", out _) ? RequiredEnum<TargetPer>(target, path + ".target", "per") : TargetPer.Level;
            if (value is < 0) Problem(path + ".target.value", $"must be 0 or more, not {value}");
            return value is null || per is null ? null : new Target(value.Value, text ?? value.Value.ToString(CultureInfo.InvariantCulture), per.Value);
        }

        private static bool HasTargetPer(JsonElement measure) =>
            measure.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.Object && target.TryGetProperty("per", out _);

        private List<Objective> ReadObjectives(JsonElement root, List<Measure> measures)
        {
            var objectives = new List<Objective>();
            var placed = new Dictionary<int, string>();
            foreach (var (item, path) in OptionalArray(root, "$", "objectives"))
            {
                var id = RequiredString(item, path, "id");
                var title = RequiredString(item, path, "title");
                var intended = StringList(item, path, "intendedOutcomes");
                var outcomes = new List<Outcome>();
                foreach (var (o, opath) in RequiredArray(item, path, "outcomes"))
                {
                    var oid = RequiredString(o, opath, "id");
                    var otitle = RequiredString(o, opath, "title");
                    var numbers = new List<int>();
                    foreach (var (n, npath) in RequiredArray(o, opath, "measures"))
                    {
                        if (n.ValueKind != JsonValueKind.Number || !n.TryGetInt32(out var number))
                        {
                            Problem(npath, "must be a measure number");
                            continue;
                        }
                        if (!_measureNumbers.ContainsKey(number))
                        {
                            Problem(npath, $"refers to measure {number}, which is not defined");
                            continue;
                        }
                        if (placed.TryGetValue(number, out var first))
                        {
                            Problem(npath, $"measure {number} is already placed under {first}");
                            continue;
                        }
                        placed[number] = opath;
                        numbers.Add(number);
                    }
                    if (oid is not null && otitle is not null) outcomes.Add(new Outcome(oid, otitle, numbers));
                }
                if (id is null || title is null) continue;
                var objective = new Objective(id, title, intended, outcomes);
                foreach (var outcome in outcomes)
                {
                    outcome.Objective = objective;
                    foreach (var m in measures.Where(m => outcome.MeasureNumbers.Contains(m.Number))) m.Outcome = outcome;
                }
                objectives.Add(objective);
            }
            return objectives;
        }

        private List<GlossaryEntry> ReadGlossary(JsonElement root)
        {
            var glossary = new List<GlossaryEntry>();
            foreach (var (item, path) in OptionalArray(root, "$", "glossary"))
            {
                var term = RequiredString(item, path, "term");
                var meaning = RequiredString(item, path, "meaning");
                if (term is null || meaning is null) continue;
                if (glossary.Any(g => string.Equals(g.Term, term, StringComparison.OrdinalIgnoreCase)))
                {
                    Problem(path + ".term", $"'{term}' is defined twice");
                    continue;
                }
                glossary.Add(new GlossaryEntry(term, meaning));
            }
            return glossary;
        }

        private bool RequiredObject(JsonElement parent, string path, string name, out JsonElement value)
        {
            if (!parent.TryGetProperty(name, out value))
            {
                Problem($"{path}.{name}", "is missing");
                return false;
            }
            if (value.ValueKind != JsonValueKind.Object)
            {
                Problem($"{path}.{name}", $"must be an object, not {Describe(value)}");
                return false;
            }
            return true;
        }

        private List<(JsonElement Item, string Path)> RequiredArray(JsonElement parent, string path, string name)
        {
            if (!parent.TryGetProperty(name, out var value))
            {
                Problem($"{path}.{name}", "is missing");
                return [];
            }
            return Items(value, $"{path}.{name}");
        }

        private List<(JsonElement Item, string Path)> OptionalArray(JsonElement parent, string path, string name) =>
            parent.TryGetProperty(name, out var value) ? Items(value, $"{path}.{name}") : [];

        private List<(JsonElement, string)> Items(JsonElement value, string path)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                Problem(path, $"must be a list, not {Describe(value)}");
                return [];
            }
            var items = new List<(JsonElement, string)>();
            var i = 0;
            foreach (var item in value.EnumerateArray()) items.Add((item, $"{path}[{i++}]"));
            return items;
        }

        private string? RequiredString(JsonElement parent, string path, string name)
        {
            if (parent.ValueKind != JsonValueKind.Object)
            {
                Problem(path, $"must be an object, not {Describe(parent)}");
                return null;
            }
            if (!parent.TryGetProperty(name, out _))
            {
                Problem($"{path}.{name}", "is missing");
                return null;
            }
            return OptionalString(parent, path, name);
        }

        private string? OptionalString(JsonElement parent, string path, string name)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind != JsonValueKind.String)
            {
                Problem($"{path}.{name}", $"must be text, not {Describe(value)}");
                return null;
            }
            var text = value.GetString()!.Trim();
            if (text.Length == 0)
            {
                Problem($"{path}.{name}", "must not be empty");
                return null;
            }
            return text;
        }

        private List<string> StringList(JsonElement parent, string path, string name)
        {
            var list = new List<string>();
            foreach (var (item, ipath) in OptionalArray(parent, path, name))
            {
                if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString())) list.Add(item.GetString()!.Trim());
                else Problem(ipath, "must be non-empty text");
            }
            return list;
        }

        private int? RequiredInt(JsonElement parent, string path, string name)
        {
            if (parent.ValueKind == JsonValueKind.Object && !parent.TryGetProperty(name, out _))
            {
                Problem($"{path}.{name}", "is missing");
                return null;
            }
            return OptionalInt(parent, path, name);
        }

        private int? OptionalInt(JsonElement parent, string path, string name)
        {
            var value = OptionalLong(parent, path, name);
            if (value is null) return null;
            if (value is < int.MinValue or > int.MaxValue)
            {
                Problem($"{path}.{name}", "is out of range");
                return null;
            }
            return (int)value;
        }

        private long? OptionalLong(JsonElement parent, string path, string name)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
            {
                Problem($"{path}.{name}", $"must be a whole number, not {Describe(value)}");
                return null;
            }
            return number;
        }

        private decimal? RequiredDecimal(JsonElement parent, string path, string name)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
            {
                Problem($"{path}.{name}", "is missing");
                return null;
            }
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
            {
                Problem($"{path}.{name}", $"must be a number, not {Describe(value)}");
                return null;
            }
            return number;
        }

        private bool? OptionalBool(JsonElement parent, string path, string name)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False) return value.GetBoolean();
            Problem($"{path}.{name}", $"must be true or false, not {Describe(value)}");
            return null;
        }

        private TEnum? RequiredEnum<TEnum>(JsonElement parent, string path, string name) where TEnum : struct, Enum
        {
            var text = RequiredString(parent, path, name);
            if (text is null) return null;
            if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _)) return value;
            var expected = string.Join(", ", Enum.GetNames<TEnum>().Select(n => "'" + char.ToLowerInvariant(n[0]) + n[1..] + "'"));
            Problem($"{path}.{name}", $"'{text}' is not one of {expected}");
            return null;
        }

        private static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => $"the text \"{Truncate(value.GetString()!)}\"",
            JsonValueKind.Number => $"the number {value.GetRawText()}",
            JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            JsonValueKind.Array => "a list",
            JsonValueKind.Object => "an object",
            _ => "null",
        };

        private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
    }
}
