using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Trade4Msmes.Web.Data;

namespace Trade4Msmes.Web.Operations;

// Public pages and API answers kept in each instance's memory, keyed by the published data version read from the
// database on every request. Any change to published data moves that version on in the same transaction as the
// change (AppDbContext.SaveChangesAsync), so no instance ever serves an answer built from older data once the
// change is committed: a cached answer is only found under the version it was built at. Reading one row costs a
// fraction of a millisecond; building a market-access answer costs tens.
public static class PublishedDataCache
{
    public const string Policy = "published";

    public static IServiceCollection AddPublishedDataCache(this IServiceCollection services) =>
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 64 * 1024 * 1024;
            o.MaximumBodySize = 1024 * 1024;
            o.AddPolicy(Policy, new PublishedDataPolicy());
        });
}

sealed class PublishedDataPolicy : IOutputCachePolicy
{
    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        // Signed-in people see their name in the page header; a token caller may see its economy's drafts.
        var anonymous = !request.Cookies.ContainsKey(Features.Accounts.AccountsSetup.SessionCookie)
            && request.Headers.Authorization.Count == 0;
        var readOnly = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = context.AllowCacheStorage = anonymous && readOnly;
        // Ten people asking the same new question at once: one builds the answer, nine wait for it.
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByHost = false;
        if (context.AllowCacheLookup)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
            var version = await PublishedData.CurrentAsync(db, cancellation);
            context.CacheVaryByRules.VaryByValues["published"] = version.ToString(CultureInfo.InvariantCulture);
            // Answers depend on the day too: the schedule in force, the notifications open for comment.
            var today = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            context.CacheVaryByRules.VaryByValues["day"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            // The language the request was answered in (an API call without ?lang= may take it from its headers).
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        }
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    // Only whole, successful answers that set no cookie are kept for others.
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
