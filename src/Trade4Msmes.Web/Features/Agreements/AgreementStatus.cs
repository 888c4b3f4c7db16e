using Microsoft.Extensions.Localization;

namespace Trade4Msmes.Web.Features.Agreements;

// The status values of the WTO RTA database, with the short slugs our URLs use.
public static class AgreementStatus
{
    public const string InForce = "In Force";
    public const string InForceForSome = "In force for at least one Party";
    public const string Inactive = "Inactive";
    public const string EarlyAnnouncementSigned = "Early announcement-Signed";
    public const string EarlyAnnouncementUnderNegotiation = "Early announcement-Under negotiation";

    public static readonly IReadOnlyList<(string Slug, string Value)> All =
    [
        ("in-force", InForce),
        ("in-force-for-some", InForceForSome),
        ("signed", EarlyAnnouncementSigned),
        ("under-negotiation", EarlyAnnouncementUnderNegotiation),
        ("inactive", Inactive),
    ];

    public static string? FromSlug(string? slug) => All.FirstOrDefault(s => s.Slug == slug).Value;

    // Literal keys, so the resource test sees every label that needs a translation.
    public static string Label(IStringLocalizer localizer, string status) => status switch
    {
        InForce => localizer["In force"],
        InForceForSome => localizer["In force for at least one party"],
        Inactive => localizer["Inactive"],
        EarlyAnnouncementSigned => localizer["Signed, not yet in force"],
        EarlyAnnouncementUnderNegotiation => localizer["Under negotiation"],
        _ => status,
    };

    public static bool IsInForce(string status) => status is InForce or InForceForSome;

    public static int SortOrder(string status) => All.Select(s => s.Value).ToList().IndexOf(status) is var i and >= 0 ? i : All.Count;
}

// RTA types as the WTO abbreviates them; an agreement can combine two ("FTA & EIA").
public static class AgreementType
{
    public static readonly IReadOnlyList<string> All = ["FTA", "CU", "PSA", "EIA"];
}

public static class Coverage
{
    public static string Label(IStringLocalizer localizer, string? coverage) => coverage switch
    {
        "Goods" => localizer["Goods"],
        "Services" => localizer["Services"],
        "Goods & Services" => localizer["Goods and services"],
        _ => "",
    };
}
