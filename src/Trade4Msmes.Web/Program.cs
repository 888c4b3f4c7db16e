using System.IO.Compression;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;
using Trade4Msmes.Web;
using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Accounts;
using Trade4Msmes.Web.Features.Admin;
using Trade4Msmes.Web.Features.Agreements;
using Trade4Msmes.Web.Features.Alerts;
using Trade4Msmes.Web.Features.Content;
using Trade4Msmes.Web.Features.Lei;
using Trade4Msmes.Web.Features.Library;
using Trade4Msmes.Web.Features.Economies;
using Trade4Msmes.Web.Features.MarketAccess;
using Trade4Msmes.Web.Features.Notifications;
using Trade4Msmes.Web.Features.Policy;
using Trade4Msmes.Web.Features.Nomenclature;
using Trade4Msmes.Web.Features.ProductFinder;
using Trade4Msmes.Web.Features.Submissions;
using Trade4Msmes.Web.Features.Tariffs;
using Trade4Msmes.Web.Importing;
using Trade4Msmes.Web.Operations;
using Trade4Msmes.Web.Search;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddAppDatabase(builder.Configuration);
builder.Services.AddReferenceData();
builder.Services.AddScoped<HsQueries>();
builder.Services.AddScoped<EconomyQueries>();
builder.Services.AddScoped<AgreementQueries>();
builder.Services.AddSingleton<HsFinder>();
builder.Services.AddScoped<FinderQuery>();
builder.Services.AddScoped<MarketAccessQuery>();
builder.Services.AddScoped<MarketAccessService>();
builder.Services.AddScoped<MarketComparison>();
builder.Services.AddScoped<TariffScheduleQueries>();
builder.Services.AddScoped<TariffTransmissions>();
builder.Services.AddAccounts();
builder.Services.AddScoped<SubmissionWorkflow>();
builder.Services.AddScoped<PolicySearch>();
builder.Services.AddScoped<PackageTracker>();
builder.Services.AddContent();
// A text pasted into a form reaches the form's own checks, which say which field is too long, instead of the
// framework's 4 MB limit failing the request; Kestrel's 30 MB body limit still bounds what is read.
builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.ValueLengthLimit = 16 * 1024 * 1024);
builder.Services.AddScoped<AccountAdministration>();
builder.Services.AddRateLimits();
builder.Services.AddAlerts(builder.Configuration);
// Forms and API calls are small; the one endpoint that takes a whole tariff schedule raises its own limit.
builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 1024 * 1024);

builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
builder.Services.AddRazorPages(o =>
    {
        o.Conventions.Add(new LanguageRouteConvention());
        AccountsSetup.AuthorizePages(o.Conventions);
    })
    .WithRazorPagesRoot("/Features");
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddOperations();
builder.Services.AddPublishedDataCache();
builder.Services.AddResponseCompression(o =>
{
    o.EnableForHttps = true;
    o.Providers.Add<BrotliCompressionProvider>();
    o.Providers.Add<GzipCompressionProvider>();
});
builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

var app = builder.Build();
// Listening from the start, so the first requests are counted.
app.Services.GetRequiredService<PrometheusExporter>();

// Before the database is prepared: a backup must not change its source, a restore must find its target as it is.
if (args.FirstOrDefault() is "backup" or "restore" or "export")
{
    return await BackupCommands.RunAsync(app.Services, args, Console.Out);
}
if (args.FirstOrDefault() == "check-links")
{
    return await LinkCheck.RunAsync(app.Services, args, Console.Out);
}
// "setup" creates or upgrades the database and loads the reference data, then exits (for deployments and CI).
await app.Services.PrepareDatabaseAsync();
if (args.Contains("setup"))
{
    return 0;
}
if (args.FirstOrDefault() == "import")
{
    try
    {
        return args.ElementAtOrDefault(1) switch
        {
            "notifications" => await NotificationImportCommand.RunAsync(app.Services, args, Console.Out),
            "policy" => await PolicyImportCommand.RunAsync(app.Services, args, Console.Out),
            _ => await TariffImportCommand.RunAsync(app.Services, args, Console.Out),
        };
    }
    catch (Exception e) when (StorageFull.Is(e))
    {
        Console.WriteLine("The database's disk is full: nothing was imported (the import is one transaction, rolled back). "
            + "Free some space and run the import again.");
        return 1;
    }
}
if (args.FirstOrDefault() == "create-editor")
{
    return await CreateEditorCommand.RunAsync(app.Services, args, Console.Out);
}
// Build the finder's index before the first visitor asks for it.
await app.Services.GetRequiredService<HsFinder>().IndexAsync();

// Behind a reverse proxy on the same machine (nginx), the client's address and scheme come from its headers;
// only loopback proxies are believed.
app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
app.UseResponseCompression();
app.UseExceptionHandler("/error/500");
if (!app.Environment.IsDevelopment())
{
    // Sent on HTTPS responses only: once a browser has seen the site over TLS, it never uses plain HTTP again.
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSecurityHeaders();
app.UseStaticFiles(new StaticFileOptions
{
    // The layout links assets with ?v=<content hash>, so a versioned URL never changes and can be cached for good.
    OnPrepareResponse = file =>
    {
        if (file.Context.Request.Query.ContainsKey("v"))
        {
            file.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        }
    },
});
app.UseRouting();
app.UseRequestLocalization(Languages.LocalizationOptions());
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseOutputCache();

app.MapGet("/", Languages.RedirectToPreferred).ExcludeFromDescription();
app.MapHealth();
app.MapMetrics();
app.MapOpenApi();
app.MapHs();
app.MapEconomies();
app.MapAgreements();
app.MapProductFinder();
app.MapMarketAccess();
app.MapTariffs();
app.MapNotifications();
app.MapPolicy();
app.MapAlertFeeds();
app.MapLibrary();
app.MapLei();
app.MapRazorPages();

await app.RunAsync();
return 0;

public partial class Program;
