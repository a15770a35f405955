using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Quartz;
using ScorecardBot.Alerts;
using ScorecardBot.Alerts.Delivery;
using ScorecardBot.FakeTeams;
using ScorecardBot.Http.Tests.Support;
using ScorecardBot.Storage;
using static ScorecardBot.Http.Tests.Submissions.FigureForms;

namespace ScorecardBot.Http.Tests.Alerts.Evaluation;

/// <summary>
/// The real bot a week after September 2007 closed (8 October 2007, past the figures' due day), with a CTC lead, an
/// SO14 lead, an admin and someone with no role. Its own scheduled delivery is paused: a test runs the dispatcher
/// itself, and the fake Teams connector's records say what arrived.
/// </summary>
public sealed class AlertsApp : BotApp
{
    public const string CtcLead = "00000000-0000-0000-0000-0000000000c1";
    public const string So14Lead = "00000000-0000-0000-0000-0000000000b2";
    public const string Admin = "00000000-0000-0000-0000-0000000000a1";
    public const string Nobody = "00000000-0000-0000-0000-0000000000d4";

    public static readonly DateTimeOffset EighthOfOctober2007 = new(2007, 10, 8, 9, 0, 0, TimeSpan.Zero);

    protected override DateTimeOffset Start => EighthOfOctober2007;

    protected override IEnumerable<KeyValuePair<string, string?>> Settings => base.Settings.Concat(
    [
        new("Access:Admins:0", Admin),
        new("Access:Leads:CTC:0", CtcLead),
        new("Access:Leads:SO14:0", So14Lead),
    ]);

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();
    public OutboxStore Outbox => Services.GetRequiredService<OutboxStore>();

    protected override IReadOnlyList<TriggerKey> PausedTriggers => [AlertScheduling.OutboxPollTrigger];

    /// <summary>
    /// Sends what the outbox holds. One dispatch runs at a time in the bot, so when this returns whatever an admin's
    /// run started on its own has finished too: everything queued so far has reached the connector.
    /// </summary>
    public Task<DispatchReport> DeliverAsync() => Dispatcher.DispatchDueAsync(CancellationToken.None);
}

/// <summary>People and conversations as Teams presents them to the bot, every one served by the fake connector.</summary>
public sealed class TeamsSide(FakeTeamsConnector teams, BotClient bot)
{
    public const string TeamId = "19:so-committee@thread.tacv2";

    public FakeTeamsConnector Connector => teams;

    /// <summary>The bot added to a team: a conversationUpdate naming the bot among the members added, in its General channel.</summary>
    public async Task<string> AddedToTeamAsync(string channelName)
    {
        var conversationId = $"19:{channelName.ToLowerInvariant().Replace(' ', '-')}-{Guid.NewGuid():N}@thread.tacv2";
        var activity = Activity("conversationUpdate", "channel", conversationId, Admin());
        activity["membersAdded"] = new JArray(new JObject { ["id"] = BotClient.BotId, ["name"] = BotClient.BotName });
        activity["channelData"]!["eventType"] = "teamMemberAdded";
        activity["channelData"]!["team"] = new JObject { ["id"] = TeamId, ["name"] = "SO Committee" };
        activity["channelData"]!["channel"] = new JObject { ["id"] = conversationId, ["name"] = channelName };
        await SendOkAsync(activity);
        return conversationId;
    }

    /// <summary>The bot removed from a team: a conversationUpdate naming the bot among the members removed.</summary>
    public Task RemovedFromTeamAsync(string conversationId)
    {
        var activity = Activity("conversationUpdate", "channel", conversationId, Admin());
        activity["membersRemoved"] = new JArray(new JObject { ["id"] = BotClient.BotId, ["name"] = BotClient.BotName });
        activity["channelData"]!["eventType"] = "teamMemberRemoved";
        activity["channelData"]!["team"] = new JObject { ["id"] = TeamId, ["name"] = "SO Committee" };
        return SendOkAsync(activity);
    }

    /// <summary>The app installed in a group chat or a personal chat: an installationUpdate with action "add".</summary>
    public async Task<string> InstalledAsync(string conversationType, (string AadObjectId, string Name) person)
    {
        var conversationId = conversationType == "personal" ? ChatOf(person) : $"19:chat-{Guid.NewGuid():N}@thread.v2";
        var activity = Activity("installationUpdate", conversationType, conversationId, person);
        activity["action"] = "add";
        await SendOkAsync(activity);
        return conversationId;
    }

    /// <summary>The app uninstalled from a conversation: an installationUpdate with action "remove".</summary>
    public Task UninstalledAsync(string conversationId, string conversationType) =>
        SendOkAsync(WithAction(Activity("installationUpdate", conversationType, conversationId, Admin()), "remove"));

    /// <summary>Someone says something to the bot in a conversation (with an @mention outside a personal chat).</summary>
    public async Task<Turn> SayAsync(string conversationId, string conversationType, string text, (string AadObjectId, string Name) person)
    {
        var activity = conversationType == "personal"
            ? BotClient.Message(text, conversationId: conversationId)
            : BotClient.MentioningBot(text, conversationType, conversationId: conversationId);
        Dress(activity, person);
        var turn = await bot.SendAsync(activity);
        Assert.True(turn.Status == System.Net.HttpStatusCode.OK, $"\"{text}\": {(int)turn.Status} {turn.Body}");
        return turn;
    }

    /// <summary>An admin runs the month-end alerts from their own chat; the card says what was queued.</summary>
    public async Task<JObject> RunAlertsAsync(string month = "September 2007") =>
        (await SayAsync(ChatOf(Admin()), "personal", $"run alerts for {month}", Admin())).Card;

    /// <summary>A click on an Action.Submit of a card in a conversation, as Teams sends it: a message whose value is its data.</summary>
    public async Task<Turn> ClickAsync(JObject button, string conversationId, string conversationType, (string AadObjectId, string Name) person)
    {
        var activity = BotClient.Message(null, conversationType, value: button["data"]!.DeepClone(), conversationId: conversationId);
        Dress(activity, person);
        return await bot.SendAsync(activity);
    }

    /// <summary>A click on an Action.Execute, as Teams sends it: an adaptiveCard/action invoke carrying its verb and data.</summary>
    public Task<Turn> ExecuteAsync(JObject action, string conversationId, (string AadObjectId, string Name) person)
    {
        var invoke = Invoke(action, new Dictionary<string, string?>(), person.AadObjectId, person.Name);
        invoke["conversation"]!["id"] = conversationId;
        invoke["serviceUrl"] = teams.ServiceUrl;
        return bot.SendAsync(invoke);
    }

    /// <summary>
    /// A lead opens their command's form for the month in their own chat with the bot and submits it with these
    /// figures, as they would through Teams; fails unless the bot says it saved them. Talking to the bot records that
    /// chat, so from then on it is the lead's chat that alerts and reminders reach.
    /// </summary>
    public async Task<JObject> SubmitAsync((string AadObjectId, string Name) lead, string command, IReadOnlyDictionary<string, string?> figures)
    {
        var form = (await SayAsync(ChatOf(lead), "personal", $"submit {command} figures for September 2007", lead)).Card;
        var inputs = Inputs(form);
        foreach (var (id, value) in figures) inputs[id] = value;
        var saved = ResponseCard(await bot.SendAsync(Invoke(Action(form, "submitFigures"), inputs, lead.AadObjectId, lead.Name)));
        Assert.True(CardText.Of(saved).Contains("Saved", StringComparison.Ordinal), "Not saved:\n" + CardText.Of(saved));
        return saved;
    }

    /// <summary>Every card that reached a conversation, in order of arrival.</summary>
    public IReadOnlyList<JObject> CardsIn(string conversationId) =>
        teams.ReceivedFor(conversationId).OrderBy(r => r.Sequence).Select(r =>
        {
            Assert.True(r.Accepted, $"Teams answered {r.Status}");
            var activity = JObject.Parse(r.Json);
            var attachment = Assert.Single((JArray)activity["attachments"]!);
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
            return (JObject)attachment["content"]!;
        }).ToList();

    /// <summary>A person's one personal chat with the bot (Teams has one per person and bot).</summary>
    public static string ChatOf((string AadObjectId, string Name) person) => $"a:personal-{person.AadObjectId}";

    public static (string AadObjectId, string Name) CtcLeadPerson() => (AlertsApp.CtcLead, "Cass Ctc");
    public static (string AadObjectId, string Name) So14LeadPerson() => (AlertsApp.So14Lead, "Sam So14");
    public static (string AadObjectId, string Name) NobodyPerson() => (AlertsApp.Nobody, "Nora Nobody");
    public static (string AadObjectId, string Name) Admin() => (AlertsApp.Admin, "Ada Admin");

    private JObject Activity(string type, string conversationType, string conversationId, (string AadObjectId, string Name) person)
    {
        var activity = BotClient.Activity(type, conversationType, conversationId: conversationId);
        Dress(activity, person);
        return activity;
    }

    /// <summary>From this person, with the fake connector as the conversation's service URL, as Teams would send it.</summary>
    private void Dress(JObject activity, (string AadObjectId, string Name) person)
    {
        activity["from"] = new JObject { ["id"] = "29:" + person.AadObjectId, ["name"] = person.Name, ["aadObjectId"] = person.AadObjectId };
        activity["serviceUrl"] = teams.ServiceUrl;
    }

    private static JObject WithAction(JObject activity, string action)
    {
        activity["action"] = action;
        return activity;
    }

    private async Task SendOkAsync(JObject activity)
    {
        var turn = await bot.SendAsync(activity);
        Assert.True(turn.Status == System.Net.HttpStatusCode.OK, $"{activity["type"]}: {(int)turn.Status} {turn.Body}");
    }

    public static string Json(JObject card) => card.ToString(Formatting.None);
}
