using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace ScorecardBot.Bot;

/// <summary>
/// What /api/messages checks before it reads a byte of the body: with authentication on, a request must carry a
/// Bearer token shaped like a JWT (else 401); a body longer than Bot:MaxRequestBodyBytes is refused with 413, from its
/// Content-Length at once, or by the server's own body size limit as it is read when no length is given.
/// </summary>
public sealed class MessageRequestLimits(IOptions<BotOptions> options, IOptions<BotIdentityOptions> identity, RefusedRequests refused)
    : IEndpointFilter
{
    private static readonly JwtSecurityTokenHandler Tokens = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var limit = options.Value.MaxRequestBodyBytes;
        if (identity.Value.AuthenticationIsOn && !HasBearerToken(http.Request))
        {
            refused.Refused(StatusCodes.Status401Unauthorized, "no Bearer token");
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }
        if (http.Request.ContentLength > limit) return TooLarge(limit);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        try
        {
            return await next(context);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            if (e.StatusCode == StatusCodes.Status413PayloadTooLarge) return TooLarge(limit);
            refused.Refused(e.StatusCode, "unreadable body");
            return Results.StatusCode(e.StatusCode);
        }
    }

    private IResult TooLarge(long limit)
    {
        refused.Refused(StatusCodes.Status413PayloadTooLarge, $"body over {limit} bytes");
        return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
    }

    private static bool HasBearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.Ordinal) && Tokens.CanReadToken(header[scheme.Length..].Trim());
    }
}
