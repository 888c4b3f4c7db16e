using Trade4Msmes.Web.Features.Library;

namespace Trade4Msmes.Web.Features.Content;

public static class ContentSetup
{
    public static IServiceCollection AddContent(this IServiceCollection services) =>
        services.AddSingleton(_ => ContentStore.LoadEmbedded())
            .AddSingleton<Glossary>()
            .AddSingleton<ContentMarkdown>()
            .AddSingleton<LibraryCatalog>()
            .AddSingleton<TranslationReport>();
}
