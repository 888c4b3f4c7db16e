using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Localization.Routing;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Trade4Msmes.Web;

// URLs carry the language (/en/..., /fr/..., /es/...); the API takes lang=.
public static class Languages
{
    public const string Default = "en";
    public static readonly string[] Supported = ["en", "fr", "es"];

    public static bool IsSupported(string? lang) => lang is not null && Supported.Contains(lang);

    // Each language by its own name, as a reader of that language looks for it.
    public static readonly IReadOnlyList<(string Code, string Name)> Native = [("en", "English"), ("fr", "Français"), ("es", "Español")];

    public static string NativeName(string lang) => Native.FirstOrDefault(l => l.Code == lang).Name ?? lang;

    // The language's name in English, the key under which the reader's language names it ("French" → "français").
    public static string EnglishName(string lang) => lang switch
    {
        "fr" => SharedResource.Phrase("French"),
        "es" => SharedResource.Phrase("Spanish"),
        _ => SharedResource.Phrase("English"),
    };

    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var l && IsSupported(l) ? l : Default;

    // Composes something (an email) in a given language, outside of the request that may be in another.
    public static T In<T>(string lang, Func<T> compose)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(IsSupported(lang) ? lang : Default);
        try
        {
            return compose();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    public static RequestLocalizationOptions LocalizationOptions()
    {
        var options = new RequestLocalizationOptions { DefaultRequestCulture = new RequestCulture(Default) }
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);
        options.RequestCultureProviders.Insert(0, new RouteDataRequestCultureProvider { RouteDataStringKey = "lang", UIRouteDataStringKey = "lang" });
        options.RequestCultureProviders.Insert(1, new CustomRequestCultureProvider(FromFailedRequest));
        options.RequestCultureProviders.Insert(2, new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" });
        return options;
    }

    // An error page speaks the language of the page that failed: /fr/hs/2022/9999 gets a French 404.
    static Task<ProviderCultureResult?> FromFailedRequest(HttpContext context)
    {
        var path = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        var lang = path?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return Task.FromResult(IsSupported(lang) ? new ProviderCultureResult(lang) : null);
    }

    // The bare site root sends visitors to the language their browser prefers.
    public static IResult RedirectToPreferred(HttpContext context)
    {
        var preferred = context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(IsSupported) ?? Default;
        return Results.Redirect($"/{preferred}/");
    }

    // The same path in another language: /fr/hs/2022/0901 -> /es/hs/2022/0901.
    public static string SwitchPath(PathString path, QueryString query, string lang)
    {
        var segments = (path.Value ?? "/").Split('/', 3);
        var rest = segments.Length > 2 ? segments[2] : "";
        return segments.Length > 1 && IsSupported(segments[1]) ? $"/{lang}/{rest}{query}" : $"/{lang}/";
    }
}

// Prefixes every page route with {lang}, except pages that opt out by starting at the site root (errors).
public sealed class LanguageRouteConvention : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors)
        {
            var template = selector.AttributeRouteModel?.Template ?? "";
            if (template.StartsWith("error", StringComparison.Ordinal))
            {
                continue;
            }
            selector.AttributeRouteModel!.Template = "{lang:regex(^(en|fr|es)$)}/" + template;
        }
    }
}
