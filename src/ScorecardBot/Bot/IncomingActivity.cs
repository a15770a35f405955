using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json;
using ScorecardBot.Questions;

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

    /// <summary>
    /// A conversation update as the SDK's handlers can read it: holes in its member lists dropped; false when it names
    /// no recipient (the handlers compare each member with it). Teams sends neither shape; the handlers throw on both.
    /// </summary>
    public static bool TryTidyMembers(this IActivity activity)
    {
        if (activity is not Activity { Type: ActivityTypes.ConversationUpdate } update) return true;
        update.MembersAdded = update.MembersAdded?.Where(m => m is not null).ToList();
        update.MembersRemoved = update.MembersRemoved?.Where(m => m is not null).ToList();
        var listsMembers = update.MembersAdded is { Count: > 0 } || update.MembersRemoved is { Count: > 0 };
        return update.Recipient is not null || !listsMembers;
    }

    /// <summary>
    /// How many entities a message may carry that are looked at: Teams sends one per @mention, and a person mentions a
    /// handful at most. Reading each costs a JSON round trip, so a message with thousands of them must not.
    /// </summary>
    public const int MaxEntitiesRead = 50;

    /// <summary>The well-formed mentions of the recipient (the bot) among the first <see cref="MaxEntitiesRead"/> entities.</summary>
    public static IReadOnlyList<Mention> MentionsOfRecipient(this IMessageActivity activity)
    {
        var recipientId = activity.Recipient?.Id;
        if (recipientId is null || activity.Entities is not { Count: > 0 } entities) return [];
        var mentions = new List<Mention>();
        foreach (var entity in entities.Take(MaxEntitiesRead))
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

    /// <summary>
    /// The text cut to what the recogniser reads, then with the bot's @mentions taken out, each distinct mention text
    /// once and matched literally (the SDK treats it as a regex): the cost is bounded whatever the message carries.
    /// </summary>
    public static string TextWithoutMentions(this IMessageActivity activity, IReadOnlyList<Mention> mentions)
    {
        var text = activity.Text ?? "";
        if (text.Length > TextNormalizer.MaxInputLength) text = text[..TextNormalizer.MaxInputLength];
        foreach (var mentionText in mentions.Select(m => m.Text).Where(t => !string.IsNullOrEmpty(t)).Distinct())
        {
            text = text.Replace(mentionText, "", StringComparison.OrdinalIgnoreCase);
        }
        return text.Trim();
    }
}
