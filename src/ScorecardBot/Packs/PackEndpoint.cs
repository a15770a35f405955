using ScorecardBot.Bot;
using ScorecardBot.Pack;
using ScorecardBot.Questions;
using ScorecardBot.Scorecard;

namespace ScorecardBot.Packs;

/// <summary>
/// GET /packs?from=…&amp;to=…&amp;format=…&amp;tenant=…&amp;expires=…&amp;sig=…: the committee pack a signed link names,
/// rendered now from the current figures. A link that is altered, unsigned, expired, or issued to a tenant outside
/// Access:AllowedTenants gets 403 and a short message, never a file. Nothing here reads a path or lists anything.
/// </summary>
public static class PackEndpoint
{
    public const string PdfType = "application/pdf";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string InvalidMessage = "This committee pack link is not valid. Ask the Scorecard bot for the committee pack again.";
    public const string ExpiredMessage = "This committee pack link has expired. Ask the Scorecard bot for the committee pack again.";
    public const string TenantMessage = "This committee pack link is not for your organisation.";

    public static async Task<IResult> GetAsync(
        HttpContext http, PackLinks links, TenantGate gate, ScorecardSnapshotProvider snapshots, TimeProvider clock,
        RefusedRequests refused, CancellationToken cancellationToken)
    {
        // Links are the asker's and short-lived: no cache keeps a copy.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var refusal = links.Check(http.Request.Query, out var request);
        if (refusal == PackLinkRefusal.None && !gate.IsAllowed(request!.Tenant)) refusal = PackLinkRefusal.Tenant;
        if (refusal != PackLinkRefusal.None)
        {
            refused.Refused(StatusCodes.Status403Forbidden, $"pack link: {refusal.ToString().ToLowerInvariant()}", PackLinks.Path);
            var message = refusal switch
            {
                PackLinkRefusal.Expired => ExpiredMessage,
                PackLinkRefusal.Tenant => TenantMessage,
                _ => InvalidMessage,
            };
            return Results.Text(message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
        }

        var snapshot = await snapshots.GetAsync(cancellationToken);
        using var pack = new MemoryStream();
        try
        {
            var report = PackInput.Build(snapshot.Definition, snapshot.Figures, request!.Period);
            if (request.Format == PackFormat.Pdf) PdfPack.Render(report, pack, clock.GetUtcNow());
            else XlsxPack.Render(report, pack);
        }
        catch (PackException e)
        {
            // Signed for months that had figures when it was issued; a scorecard changed since may not.
            return Results.Text(e.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }
        var name = $"committee-pack-{request.Period.From}-to-{request.Period.To}.{PackLinks.FormatName(request.Format)}";
        return Results.File(pack.ToArray(), request.Format == PackFormat.Pdf ? PdfType : XlsxType, name);
    }
}
