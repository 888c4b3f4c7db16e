using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Errors;

namespace Trade4Msmes.Web;

public sealed class RateLimitPolicy
{
    public int Permits { get; set; }
    public int WindowSeconds { get; set; }
}

// Settings "RateLimits:{Policy}:Permits|WindowSeconds", per client address.
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public RateLimitPolicy SignIn { get; set; } = new() { Permits = 10, WindowSeconds = 300 };
    public RateLimitPolicy SignUp { get; set; } = new() { Permits = 5, WindowSeconds = 3600 };
    public RateLimitPolicy PasswordReset { get; set; } = new() { Permits = 5, WindowSeconds = 3600 };

    // Forms that write: submissions, suggestions, contact.
    public RateLimitPolicy Forms { get; set; } = new() { Permits = 60, WindowSeconds = 600 };
    public RateLimitPolicy Api { get; set; } = new() { Permits = 600, WindowSeconds = 60 };

    public RateLimitPolicy For(string name) => name switch
    {
        nameof(SignIn) => SignIn,
        nameof(SignUp) => SignUp,
        nameof(PasswordReset) => PasswordReset,
        nameof(Forms) => Forms,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such rate-limit policy."),
    };
}

public static class RateLimits
{
    // The public API is limited in each instance's memory: it must stay fast, and a client spread over n
    // instances gets at most n times its allowance. The forms that guard accounts use GlobalRateLimiter instead.
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddScoped<GlobalRateLimiter>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
                var seconds = (int)Math.Ceiling(wait.TotalSeconds);
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"This client sent too many requests; try again in {seconds} seconds.",
                    },
                });
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!http.Request.Path.StartsWithSegments("/api"))
                {
                    return RateLimitPartition.GetNoLimiter("pages");
                }
                var api = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue.Api;
                return RateLimitPartition.GetFixedWindowLimiter(ClientKey(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = api.Permits,
                    Window = TimeSpan.FromSeconds(api.WindowSeconds),
                    QueueLimit = 0,
                });
            });
        });
        return services;
    }

    public static string ClientKey(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

// Fixed-window counters kept in the database, so a limit holds however many app instances share the load.
public sealed class GlobalRateLimiter(AppDbContext db, IOptionsMonitor<RateLimitOptions> options, TimeProvider clock)
{
    // Null when allowed; otherwise how long until the client may try again.
    public async Task<TimeSpan?> HitAsync(string policyName, string client, CancellationToken ct)
    {
        var policy = options.CurrentValue.For(policyName);
        var now = clock.GetUtcNow().UtcDateTime;
        var window = TimeSpan.FromSeconds(policy.WindowSeconds);
        var start = new DateTime(now.Ticks - now.Ticks % window.Ticks, DateTimeKind.Utc);
        var key = $"{policyName}|{client}|{start.Ticks}";
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO rate_limit_counters ("Key", "WindowStart", "Count") VALUES ({key}, {start}, 1)
            ON CONFLICT ("Key") DO UPDATE SET "Count" = rate_limit_counters."Count" + 1
            RETURNING "Count" AS "Value"
            """).ToListAsync(ct);
        // Old windows are of no use; clearing them now and then keeps the table small.
        if (Random.Shared.Next(100) == 0)
        {
            var old = now.AddDays(-1);
            await db.RateLimitCounters.Where(c => c.WindowStart < old).ExecuteDeleteAsync(ct);
        }
        return counts[0] > policy.Permits ? start + window - now : null;
    }
}

// Limits a page's POST handlers by a GlobalRateLimiter policy; over the limit the client gets 429 and Retry-After.
[AttributeUsage(AttributeTargets.Class)]
public sealed class RateLimitedAttribute(string policy) : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method)
            && await http.RequestServices.GetRequiredService<GlobalRateLimiter>().HitAsync(policy, RateLimits.ClientKey(http), http.RequestAborted) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            ErrorModel.SetRetryAfter(http, seconds);
            context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
            return;
        }
        await next();
    }
}
