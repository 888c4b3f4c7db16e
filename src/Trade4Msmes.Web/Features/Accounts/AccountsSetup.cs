using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.EntityFrameworkCore;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Email;

namespace Trade4Msmes.Web.Features.Accounts;

public static class AccountsSetup
{
    public const string SessionCookie = "t4m.session";

    public const string EditorPolicy = "Editor";
    public const string OfficialPolicy = "EconomyOfficial";

    // Editors and officials: the people who write or review submissions.
    public const string ContributorPolicy = "Contributor";
    const string StampClaim = "t4m:stamp";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section);
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddScoped<AccountEmails>();
        services.AddScoped<AccountService>();
        services.AddScoped<ApiTokens>();

        services.AddDataProtection().SetApplicationName("Trade4MSMEs");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new DatabaseXmlRepository(scopes));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "t4m.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = SessionCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the site is reached over HTTPS (directly, or through a proxy that says so).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = ValidateAsync,
                OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden),
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => (c.Resource as HttpContext)?.Caller()?.IsEditor == true))
            .AddPolicy(OfficialPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => (c.Resource as HttpContext)?.Caller()?.IsOfficial == true))
            .AddPolicy(ContributorPolicy, p => p.RequireAuthenticatedUser()
                .RequireAssertion(c => (c.Resource as HttpContext)?.Caller() is { } caller && (caller.IsEditor || caller.IsOfficial)));
        return services;
    }

    // Which pages need which account; what an account may do within a page (which economy) is checked there.
    public static void AuthorizePages(PageConventionCollection conventions)
    {
        conventions.AuthorizeFolder("/Admin", EditorPolicy);
        conventions.AuthorizeFolder("/Submissions", ContributorPolicy);
        conventions.AuthorizePage("/Accounts/Index");
        conventions.AuthorizePage("/Accounts/Tokens", OfficialPolicy);
        conventions.AuthorizePage("/Notifications/New", EditorPolicy);
        conventions.AuthorizePage("/Notifications/Import", EditorPolicy);
    }

    public static ClaimsPrincipal Principal(Account account) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(StampClaim, account.SecurityStamp),
        ], CookieAuthenticationDefaults.AuthenticationScheme));

    public static Task SignInAsync(HttpContext http, Account account) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(account));

    // Every request re-reads the account: a cookie whose stamp is old (password changed, signed out
    // everywhere), or whose account is disabled or gone, signs nobody in.
    static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(StampClaim);
        var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        var account = int.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? await db.Accounts.Include(a => a.Roles).FirstOrDefaultAsync(a => a.Id == id, context.HttpContext.RequestAborted)
            : null;
        if (account is null || account.DisabledAt is not null || account.EmailConfirmedAt is null || account.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        context.HttpContext.Items[typeof(Caller)] = Caller.From(account);
    }

    // The API answers 401/403 as problem+json; a page sends a stranger to sign in, in the page's language.
    static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        if (status == StatusCodes.Status403Forbidden || request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        var lang = request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var returnUrl = Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString);
        context.Response.Redirect($"/{(Languages.IsSupported(lang) ? lang : Languages.Default)}/account/sign-in?returnUrl={returnUrl}");
        return Task.CompletedTask;
    }
}
