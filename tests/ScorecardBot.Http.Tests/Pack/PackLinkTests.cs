using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using ScorecardBot.Core.Periods;
using ScorecardBot.Http.Tests.Support;
using ScorecardBot.Packs;
using ScorecardBot.Questions;

namespace ScorecardBot.Http.Tests.Pack;

/// <summary>
/// "Committee pack for June to August" through the real endpoint: the card's links, fetched as a browser would, give
/// the PDF and the workbook; a link altered in any parameter, or asking for anything but a pack, gets 403 and no file.
/// </summary>
public sealed class PackLinkTests(BotApp app) : IClassFixture<BotApp>
{
    private readonly BotClient _bot = app.CreateBotClient();

    [Fact]
    public async Task The_pack_card_offers_a_pdf_and_a_workbook_and_says_when_the_links_expire()
    {
        var card = (await _bot.AskAsync("committee pack for June to August")).Card;

        Assert.Equal(["Download PDF", "Download Excel workbook"], Links(card).Select(l => l.Title));
        CardText.TextBlock(card, "Committee pack · June 2007 to August 2007");
        // The app's clock says 10:00 UTC on 26 November 2026, which is 10:00 in London (GMT).
        var expiry = "The links work until 10:15 on 26 Nov 2026 (Europe/London time), 15 minutes from when this was sent; "
            + "after that, ask again for the pack.";
        CardText.TextBlock(card, expiry);
        Assert.Contains(expiry, (string?)card["speak"]);
        Assert.Contains("June 2007 to August 2007", (string?)card["fallbackText"]);
    }

    [Fact]
    public async Task The_pdf_link_downloads_the_pdf_pack()
    {
        var link = await LinkAsync("committee pack for June to August", "Download PDF");

        using var response = await _bot.Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PackEndpoint.PdfType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("committee-pack-2007-06-to-2007-08.pdf", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
    }

    [Fact]
    public async Task The_excel_link_downloads_a_workbook_that_opens()
    {
        var link = await LinkAsync("committee pack for June to August", "Download Excel workbook");

        using var response = await _bot.Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PackEndpoint.XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("committee-pack-2007-06-to-2007-08.xlsx", response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK\u0003\u0004"u8.ToArray(), bytes[..4]);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), isEditable: false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name?.Value);
        Assert.Contains(ScorecardBot.Pack.XlsxPack.PackSheet, sheets);
    }

    [Theory]
    [InlineData("pack for July 2007 as excel", "Download Excel workbook", "2007-07", "2007-07")]
    [InlineData("download the scorecard as pdf", "Download PDF", "2007-06", "2007-08")]
    [InlineData("committee pack", "Download PDF,Download Excel workbook", "2007-06", "2007-08")]
    public async Task Only_the_files_asked_for_are_offered_for_the_months_asked(string question, string buttons, string from, string to)
    {
        var card = (await _bot.AskAsync(question)).Card;

        var links = Links(card);
        Assert.Equal(buttons.Split(','), links.Select(l => l.Title));
        Assert.All(links, link =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(link.Url.Query);
            Assert.Equal((from, to), (query["from"], query["to"]));
        });
    }

    [Fact]
    public async Task A_format_the_pack_does_not_come_in_is_said_and_both_are_offered()
    {
        var card = (await _bot.AskAsync("committee pack as word")).Card;

        CardText.TextBlock(card, "The committee pack comes as a PDF or an Excel workbook, not \"word\", so here are both.");
        Assert.Equal(2, Links(card).Count);
    }

    [Fact]
    public async Task Months_without_figures_are_said_and_the_latest_are_offered_instead()
    {
        var card = (await _bot.AskAsync("committee pack for October 2026")).Card;

        CardText.TextBlock(card, "There are no figures for October 2026. The latest are for August 2007.");
        CardText.TextBlock(card, "Committee pack · August 2007");
    }

    public static TheoryData<string, string> Alterations => new()
    {
        { "from", "2007-07" },
        { "from", "2007-6" },
        { "to", "2007-07" },
        { "format", "xlsx" },
        { "format", "../../x" },
        { "tenant", BotClient.OtherTenant },
        { "tenant", "" },
        { "expires", "+1" },
        { "expires", "9999999999" },
        { "sig", "flip" },
        { "sig", "" },
    };

    [Theory]
    [MemberData(nameof(Alterations))]
    public async Task A_link_with_any_parameter_altered_gets_403_and_no_file(string parameter, string value)
    {
        var link = await LinkAsync("committee pack for June to August", "Download PDF");
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        query[parameter] = value switch
        {
            "+1" => (long.Parse(query[parameter]!) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "flip" => (query[parameter]![0] == 'A' ? "B" : "A") + query[parameter]![1..],
            _ => value,
        };

        using var response = await _bot.Http.GetAsync(WithQuery(link, query));

        await AssertRefusedAsync(response, PackEndpoint.InvalidMessage);
    }

    [Theory]
    [InlineData("sig", null)]
    [InlineData("expires", null)]
    [InlineData("extra", "1")]
    [InlineData("from", "2007-06&from=2007-06")]
    public async Task A_link_with_a_parameter_missing_added_or_repeated_gets_403(string parameter, string? value)
    {
        var link = await LinkAsync("committee pack for June to August", "Download PDF");
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        if (value is null) query.Remove(parameter);
        else if (value.Contains('&')) query.Add(parameter, value.Split('&')[0]);
        else query[parameter] = value;

        using var response = await _bot.Http.GetAsync(WithQuery(link, query));

        await AssertRefusedAsync(response, PackEndpoint.InvalidMessage);
    }

    [Theory]
    [InlineData("/packs")]
    [InlineData("/packs/")]
    [InlineData("/packs/appsettings.json")]
    [InlineData("/packs/../appsettings.json")]
    [InlineData("/packs/%2e%2e/appsettings.json")]
    [InlineData("/packs/..%2fappsettings.json")]
    [InlineData("/packs?format=../../appsettings.json")]
    [InlineData("/packs?from=2007-06&to=2007-08&format=../../appsettings.json&tenant=&expires=9999999999&sig=x")]
    [InlineData("/packs/committee-pack-2007-06-to-2007-08.pdf")]
    [InlineData("/appsettings.json")]
    [InlineData("/scorecard/so-2007-08.json")]
    public async Task Nothing_but_a_signed_link_returns_a_file_and_nothing_is_listed(string path)
    {
        using var response = await _bot.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("%PDF", body);
        Assert.DoesNotContain("ConnectionStrings", body);
        Assert.DoesNotContain("committee-pack", body);
        Assert.DoesNotContain("\"measures\"", body);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task The_pack_card_passes_the_adaptive_cards_validator()
    {
        var card = (await _bot.AskAsync("committee pack for June to August")).Card;
        var noted = (await _bot.AskAsync("committee pack for October 2026 as word")).Card;

        await CardValidator.AssertValidAsync([("committee pack", card), ("committee pack with notes", noted)]);
    }

    private async Task<Uri> LinkAsync(string question, string button) =>
        Links((await _bot.AskAsync(question)).Card).Single(l => l.Title == button).Url;

    internal static List<(string Title, Uri Url)> Links(JObject card) =>
        (card["actions"] as JArray ?? [])
            .Where(a => (string?)a["type"] == "Action.OpenUrl")
            .Select(a => ((string)a["title"]!, new Uri((string)a["url"]!)))
            .ToList();

    internal static Uri WithQuery(Uri link, System.Collections.Specialized.NameValueCollection query)
    {
        var pairs = query.AllKeys.SelectMany(k => (query.GetValues(k) ?? []).Select(v => $"{k}={Uri.EscapeDataString(v)}"));
        return new Uri($"{link.GetLeftPart(UriPartial.Path)}?{string.Join("&", pairs)}");
    }

    internal static async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(message, body);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }
}

/// <summary>A link works until it expires, on the app's own clock, and not a second after.</summary>
public sealed class PackLinkExpiryTests : IDisposable
{
    private readonly BotApp _app = new();

    [Fact]
    public async Task A_link_works_until_its_expiry_and_gets_403_after()
    {
        var bot = _app.CreateBotClient();
        var link = PackLinkTests.Links((await bot.AskAsync("committee pack for June to August")).Card).Single(l => l.Title == "Download PDF").Url;

        _app.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        using (var before = await bot.Http.GetAsync(link)) Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        using var after = await bot.Http.GetAsync(link);

        await PackLinkTests.AssertRefusedAsync(after, PackEndpoint.ExpiredMessage);
    }

    public void Dispose() => _app.Dispose();
}

/// <summary>
/// With Access:AllowedTenants set, a conversation in another tenant never gets a link (the tenant gate refuses the
/// message before any answer), and a link issued to another tenant, even one correctly signed, gets 403.
/// </summary>
public sealed class PackTenantTests(SingleTenantBotApp app) : IClassFixture<SingleTenantBotApp>
{
    private readonly BotClient _bot = app.CreateBotClient();

    [Fact]
    public async Task A_pack_request_from_another_tenant_gets_no_link()
    {
        var turn = await _bot.AskAsync("committee pack for June to August", tenant: BotClient.OtherTenant);

        Assert.Empty(turn.Cards);
        Assert.Equal(ScorecardBot.Bot.TenantGate.RefusalMessage, (string?)Assert.Single(turn.Replies)["text"]);
        Assert.DoesNotContain("/packs", turn.Body);
    }

    [Fact]
    public async Task The_allowed_tenant_gets_a_link_that_works()
    {
        var card = (await _bot.AskAsync("committee pack for June to August", tenant: SingleTenantBotApp.AllowedTenant)).Card;
        var link = PackLinkTests.Links(card).Single(l => l.Title == "Download PDF").Url;

        Assert.Equal(SingleTenantBotApp.AllowedTenant, System.Web.HttpUtility.ParseQueryString(link.Query)["tenant"]);
        using var response = await _bot.Http.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_correctly_signed_link_for_a_user_outside_the_tenant_gets_403()
    {
        var links = app.Services.GetRequiredService<PackLinks>();
        var period = new MonthRange(new YearMonth(2007, 6), new YearMonth(2007, 8));
        var link = links.Build(new Uri("http://localhost"), new PackLinkRequest(period, PackFormat.Pdf, BotClient.OtherTenant, links.ExpiryFromNow()));

        using var response = await _bot.Http.GetAsync(link);

        await PackLinkTests.AssertRefusedAsync(response, PackEndpoint.TenantMessage);
    }

    [Fact]
    public async Task A_correctly_signed_link_with_no_tenant_gets_403_when_tenants_are_listed()
    {
        var links = app.Services.GetRequiredService<PackLinks>();
        var period = new MonthRange(new YearMonth(2007, 6), new YearMonth(2007, 8));
        var link = links.Build(new Uri("http://localhost"), new PackLinkRequest(period, PackFormat.Xlsx, "", links.ExpiryFromNow()));

        using var response = await _bot.Http.GetAsync(link);

        await PackLinkTests.AssertRefusedAsync(response, PackEndpoint.TenantMessage);
    }
}
