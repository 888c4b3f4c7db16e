using Trade4Msmes.Web.Data;
using Trade4Msmes.Web.Features.Library;

namespace Trade4Msmes.Web.Features.Content;

public static class ContentSetup
{
    // The store (and what reads it) is per request: it includes the editors' corrections published so far. The
    // library's records are CSV, corrected by a release rather than from the web, so it is built once.
    public static IServiceCollection AddContent(this IServiceCollection services) =>
        services.AddSingleton(_ => ContentSource.Embedded())
            .AddScoped(sp => sp.GetRequiredService<ContentSource>().Current(sp.GetRequiredService<AppDbContext>()))
            .AddScoped<Glossary>()
            .AddScoped<ContentMarkdown>()
            .AddSingleton(sp => new LibraryCatalog(sp.GetRequiredService<ContentSource>().Shipped))
            .AddScoped<TranslationReport>();
}
