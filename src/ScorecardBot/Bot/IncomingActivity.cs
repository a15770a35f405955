using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json;

namespace ScorecardBot.Bot;

/// <summary>
/// Reads the loosely typed parts of an incoming activity (channel data, mention entities) without trusting their shape:
/// the SDK's own readers throw on anything unexpected, which would turn a malformed request into an error turn.
/// </summary>
public static class IncomingActivity
{
    /// <summary>Teams' channel data; false when it is there but not shaped like Teams' (absent reads as null, true).</summary>
    public static bool TryGetTeamsChannelData(this IActivity activity, out TeamsChannelData? data)
    {
        data = null;
        if (activity is not Activity { ChannelData: not null } a) return true;
        try
        {
            data = a.GetChannelData<TeamsChannelData>();
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidCastException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The well-formed mention entities that name the recipient (the bot); malformed entities are skipped.</summary>
    public static IReadOnlyList<Mention> MentionsOfRecipient(this IMessageActivity activity)
    {
        var recipientId = activity.Recipient?.Id;
        if (recipientId is null || activity.Entities is not { Count: > 0 } entities) return [];
        var mentions = new List<Mention>();
        foreach (var entity in entities)
        {
            if (!string.Equals(entity?.Type, "mention", StringComparison.OrdinalIgnoreCase)) continue;
            try
            {
                if (entity!.GetAs<Mention>() is { Mentioned.Id: { } id } mention && id == recipientId) mentions.Add(mention);
            }
            catch (Exception e) when (e is JsonException or InvalidCastException or ArgumentException)
            {
                // Not a mention Teams would send: ignore it.
            }
        }
        return mentions;
    }

    /// <summary>The text with the bot's @mentions taken out, matched literally (the SDK treats the mention text as a regex).</summary>
    public static string TextWithoutRecipientMentions(this IMessageActivity activity)
    {
        var text = activity.Text ?? "";
        foreach (var mention in activity.MentionsOfRecipient())
        {
            if (!string.IsNullOrEmpty(mention.Text)) text = text.Replace(mention.Text, "", StringComparison.OrdinalIgnoreCase);
        }
        return text.Trim();
    }
}
