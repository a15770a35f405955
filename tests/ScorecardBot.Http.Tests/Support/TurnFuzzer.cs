using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ScorecardBot.Http.Tests.Support;

/// <summary>
/// Generates request bodies for /api/messages from a seeded Random, so a failure can be replayed: mostly messages
/// built from the scorecard's own words (with typos, unicode and noise), plus other activity types, odd JSON shapes
/// in value, entities and channelData, and bodies that are not JSON at all.
/// </summary>
public sealed class TurnFuzzer(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Words =
    [
        "CTIO", "SNT", "IED", "BOCU", "BOCUs", "SMT", "MPS", "CTC", "SO14", "SO", "TP", "EWS", "BWT", "coverage", "briefing", "briefed",
        "hotline", "calls", "received", "answered", "set", "time", "scenes", "managed", "appropriate", "rating", "royal", "intrusions",
        "red", "purple", "orange", "yellow", "green", "zones", "measure", "m1", "m2", "m3", "m4", "m5", "m6", "target", "trend",
        "scorecard", "exceptions", "off", "amber", "status", "comments", "glossary", "help", "hello", "hi", "what", "does", "stand",
        "for", "how", "many", "in", "the", "of", "to", "and", "show", "me", "which", "measures", "are", "is", "was", "latest", "last",
        "month", "months", "this", "year", "date", "FYTD", "YTD", "2007/8", "2007", "2008", "2026", "Jul-07", "2007-07", "rolled",
        "out", "total", "recruited", "within", "two", "response", "explosive", "officers", "terrorist", "incident", "residence",
        "subscribe", "unsubscribe", "submit", "figures", "lead", "?", "!", ",", ".", "-", "'", "\"",
    ];

    private static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];

    private static readonly string[] Unicode =
    [
        "📊", "🚓", "👍🏽", "👩‍👩‍👧", "\u202e", "\u202b", "\u200f", "\u2067", "\u2069", "\u200b", "\ufeff", "\u00ad", "é", "ß", "İ", "ı",
        "\u0301", "\u0645\u0627", "中文", "日本語", "한국어", "Ω", "∑", "\u0000", "\u0007", "\u001b", "\u007f", "\ud800", "\udfff", "\t",
        "\r\n", "<at>", "</at>", "<at>Scorecard</at>", "&amp;", "%s", "{0}", "\\", "/", "'; DROP TABLE figure_revisions; --",
    ];

    private static readonly string[] ActivityTypes =
    [
        "conversationUpdate", "invoke", "event", "typing", "messageReaction", "installationUpdate", "endOfConversation",
        "messageUpdate", "messageDelete", "contactRelationUpdate", "deleteUserData", "suggestion", "trace", "handoff", "command",
        "commandResult", "foo", "", "MESSAGE", "Message",
    ];

    private static readonly string[] InvokeNames =
    [
        "adaptiveCard/action", "task/fetch", "task/submit", "composeExtension/query", "composeExtension/submitAction",
        "signin/verifyState", "signin/tokenExchange", "config/fetch", "config/submit", "actionableMessage/executeAction",
        "fileConsent/invoke", "tab/fetch", "healthCheck", "application/search", "junk", "",
    ];

    private static readonly string[] ConversationTypes = ["personal", "channel", "groupChat", "PERSONAL", "", "meeting", "x"];

    /// <summary>The next request body: almost always JSON, sometimes not, and now and then built to cost the bot.</summary>
    public string Next()
    {
        var roll = _random.NextDouble();
        if (roll < 0.01) return Hostile();
        if (roll < 0.03) return RawNoise();
        var activity = roll < 0.80 ? Message() : OtherActivity();
        if (_random.NextDouble() < 0.02) return Truncate(activity.ToString(Formatting.None));
        return activity.ToString(Formatting.None);
    }

    private JObject Message()
    {
        var activity = Base("message");
        activity["text"] = _random.NextDouble() < 0.05 ? JValue.CreateNull() : Utterance();
        if (_random.NextDouble() < 0.15) activity["value"] = _random.NextDouble() < 0.5 ? new JObject { ["question"] = RandomJson(1) } : RandomJson(3);
        if (_random.NextDouble() < 0.25) activity["entities"] = Entities();
        if (_random.NextDouble() < 0.15) activity["channelData"] = RandomChannelData();
        if (_random.NextDouble() < 0.05) activity["attachments"] = new JArray(RandomJson(2));
        return activity;
    }

    private JObject OtherActivity()
    {
        var type = Pick(ActivityTypes);
        var activity = Base(type);
        switch (type)
        {
            case "conversationUpdate":
                var members = new JArray();
                for (var i = _random.Next(0, 3); i > 0; i--) members.Add(_random.NextDouble() < 0.6 ? new JObject { ["id"] = BotClient.BotId, ["name"] = BotClient.BotName } : RandomJson(2));
                activity[_random.NextDouble() < 0.8 ? "membersAdded" : "membersRemoved"] = members;
                break;
            case "invoke":
                activity["name"] = Pick(InvokeNames);
                activity["value"] = RandomJson(3);
                // Teams sends invokes without expectReplies and reads the status of the HTTP response itself.
                if (_random.NextDouble() < 0.5) activity.Remove("deliveryMode");
                break;
            case "event":
                activity["name"] = Utterance();
                activity["value"] = RandomJson(2);
                break;
            case "messageReaction":
                activity["reactionsAdded"] = _random.NextDouble() < 0.5 ? new JArray(new JObject { ["type"] = "like" }) : RandomJson(2);
                break;
            case "installationUpdate":
                activity["action"] = Pick(["add", "remove", "add-upgrade", "", "junk"]);
                break;
            default:
                activity["text"] = Utterance();
                break;
        }
        if (_random.NextDouble() < 0.3) activity["channelData"] = RandomChannelData();
        if (_random.NextDouble() < 0.2) activity["entities"] = Entities();
        return activity;
    }

    private JObject Base(string type)
    {
        var conversationType = _random.NextDouble() < 0.7 ? "personal" : Pick(ConversationTypes);
        var activity = BotClient.Activity(type, conversationType);
        if (_random.NextDouble() < 0.03) activity["conversation"] = RandomJson(1);
        if (_random.NextDouble() < 0.03) activity["from"] = RandomJson(1);
        if (_random.NextDouble() < 0.02) activity["recipient"] = JValue.CreateNull();
        if (_random.NextDouble() < 0.02) activity["locale"] = Utterance();
        if (_random.NextDouble() < 0.02) activity["channelId"] = Pick(["emulator", "webchat", "", "msteams", "junk"]);
        if (_random.NextDouble() < 0.02) activity["timestamp"] = Utterance();
        if (_random.NextDouble() < 0.02) activity["serviceUrl"] = _random.NextDouble() < 0.3 ? JValue.CreateNull() : Pick(["", "not a url", "ftp://x", "http://", "::::", "/relative", Utterance()]);
        return activity;
    }

    public string Utterance()
    {
        var roll = _random.NextDouble();
        if (roll < 0.02) return "";
        if (roll < 0.04) return RandomChars(_random.Next(1000, 10_000));
        if (roll < 0.08) return RandomChars(_random.Next(1, 40));
        var parts = new List<string>();
        for (var n = _random.Next(1, 9); n > 0; n--)
        {
            var kind = _random.NextDouble();
            var part = kind < 0.55 ? Pick(Words)
                : kind < 0.75 ? Pick(Months)
                : kind < 0.85 ? Number()
                : kind < 0.93 ? Pick(Unicode)
                : RandomChars(_random.Next(1, 8));
            parts.Add(Mangle(part));
        }
        var text = string.Join(_random.NextDouble() < 0.9 ? " " : Pick(["", "  ", "\t", "\n", ",", "_"]), parts);
        if (_random.NextDouble() < 0.05) text = $"<at>{BotClient.BotName}</at> {text}";
        if (_random.NextDouble() < 0.01) text = string.Concat(Enumerable.Repeat(text + " ", _random.Next(50, 500)));
        return text;
    }

    /// <summary>Typos as people make them: a dropped, doubled, swapped or wrong letter, and random case.</summary>
    private string Mangle(string word)
    {
        if (word.Length < 2 || _random.NextDouble() > 0.3) return _random.NextDouble() < 0.2 ? word.ToUpperInvariant() : word;
        var chars = word.ToCharArray().ToList();
        var i = _random.Next(chars.Count);
        switch (_random.Next(5))
        {
            case 0: chars.RemoveAt(i); break;
            case 1: chars.Insert(i, chars[i]); break;
            case 2 when i + 1 < chars.Count: (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]); break;
            case 3: chars[i] = (char)('a' + _random.Next(26)); break;
            default: for (var j = 0; j < chars.Count; j++) chars[j] = _random.NextDouble() < 0.5 ? char.ToUpperInvariant(chars[j]) : char.ToLowerInvariant(chars[j]); break;
        }
        return new string(chars.ToArray());
    }

    private string Number() => _random.Next(8) switch
    {
        0 => _random.Next(-5, 40).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => _random.Next(1990, 2100).ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => $"{_random.Next(0, 120)}%",
        3 => $"{_random.Next(1990, 2100)}-{_random.Next(0, 14):D2}",
        4 => $"{_random.Next(1990, 2100)}/{_random.Next(0, 100)}",
        5 => long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) + _random.Next(10),
        6 => $"m{_random.Next(0, 100)}",
        _ => $"{Pick(Months)[..3]}-{_random.Next(0, 100):D2}",
    };

    /// <summary>Any UTF-16 code units, lone surrogates and controls included.</summary>
    private string RandomChars(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(_random.Next(4) switch
            {
                0 => (char)_random.Next(0, 0x80),
                1 => (char)_random.Next(0, 0x100),
                2 => (char)_random.Next(0, 0x10000),
                _ => (char)('a' + _random.Next(26)),
            });
        }
        return builder.ToString();
    }

    private JArray Entities()
    {
        var entities = new JArray();
        for (var n = _random.Next(0, 4); n > 0; n--)
        {
            entities.Add(_random.Next(6) switch
            {
                0 => BotClient.MentionOf(BotClient.BotId, BotClient.BotName),
                1 => new JObject { ["type"] = "mention", ["text"] = RandomJson(0), ["mentioned"] = RandomJson(1) },
                2 => new JObject { ["type"] = "mention", ["mentioned"] = new JObject { ["id"] = RandomJson(0) } },
                3 => new JObject { ["type"] = "clientInfo", ["locale"] = Utterance(), ["timezone"] = RandomJson(0) },
                4 => new JObject { ["type"] = RandomJson(0) },
                _ => RandomJson(2),
            });
        }
        return entities;
    }

    private JToken RandomChannelData() => _random.Next(4) switch
    {
        0 => new JObject { ["tenant"] = RandomJson(1) },
        1 => new JObject { ["tenant"] = new JObject { ["id"] = RandomJson(0) }, ["team"] = RandomJson(1), ["channel"] = RandomJson(1), ["eventType"] = Pick(["teamMemberAdded", "channelCreated", "junk", ""]) },
        2 => new JObject { ["eventType"] = RandomJson(0), ["settings"] = RandomJson(2) },
        _ => RandomJson(3),
    };

    /// <summary>A JSON value of any shape, nested up to the given depth.</summary>
    public JToken RandomJson(int depth)
    {
        var choice = _random.Next(depth > 0 ? 9 : 6);
        switch (choice)
        {
            case 0: return JValue.CreateNull();
            case 1: return new JValue(_random.NextDouble() < 0.5);
            case 2: return new JValue(_random.Next(int.MinValue, int.MaxValue));
            case 3: return new JValue(_random.NextDouble() * Math.Pow(10, _random.Next(-10, 300)));
            case 4: return new JValue(Utterance());
            case 5: return new JValue(Pick(Words));
            case 6:
            case 7:
            {
                var o = new JObject();
                for (var n = _random.Next(0, 5); n > 0; n--)
                    o[_random.NextDouble() < 0.6 ? Pick(["question", "id", "type", "text", "name", "value", "data", "msteams", "action", "verb", "tenant"]) : RandomChars(_random.Next(1, 6))] = RandomJson(depth - 1);
                return o;
            }
            default:
            {
                var a = new JArray();
                for (var n = _random.Next(0, 5); n > 0; n--) a.Add(RandomJson(depth - 1));
                return a;
            }
        }
    }

    /// <summary>
    /// Shapes meant to make a turn expensive: huge arrays, deep nesting, wide objects, thousands of mentions each with
    /// its own text, and bodies over the size limit.
    /// </summary>
    private string Hostile()
    {
        var activity = BotClient.Activity("message", _random.NextDouble() < 0.5 ? "personal" : "channel");
        activity["text"] = Utterance();
        switch (_random.Next(5))
        {
            case 0:
                activity["value"] = new JArray(Enumerable.Repeat(0, _random.Next(10_000, 100_000)));
                break;
            case 1:
                var depth = _random.Next(100, 20_000);
                return activity.ToString(Formatting.None).TrimEnd('}') + $",\"channelData\":{new string('[', depth)}{new string(']', depth)}}}";
            case 2:
                var wide = new JObject();
                for (var i = _random.Next(1_000, 20_000); i > 0; i--) wide[$"k{i}"] = i;
                activity["channelData"] = wide;
                break;
            case 3:
                var texts = Enumerable.Range(0, _random.Next(500, 3_000)).Select(i => $"<at>{BotClient.BotName} {i}</at>").ToList();
                activity["text"] = string.Join(' ', texts) + " " + activity["text"];
                activity["entities"] = new JArray(texts.Select(t => new JObject
                {
                    ["type"] = "mention",
                    ["text"] = t,
                    ["mentioned"] = new JObject { ["id"] = BotClient.BotId, ["name"] = BotClient.BotName },
                }));
                break;
            default:
                activity["text"] = RandomChars(_random.Next(300_000, 400_000));
                break;
        }
        return activity.ToString(Formatting.None);
    }

    private string RawNoise() => _random.Next(4) switch
    {
        0 => RandomChars(_random.Next(0, 200)),
        1 => "{" + RandomChars(_random.Next(0, 50)),
        2 => RandomJson(3).ToString(Formatting.None),
        _ => "{\"type\":\"message\",\"text\":" + RandomChars(_random.Next(0, 20)),
    };

    private string Truncate(string json) => json[.._random.Next(json.Length)];

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}
