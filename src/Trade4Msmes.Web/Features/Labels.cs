using Trade4Msmes.Web.Data;
using static Trade4Msmes.Web.SharedResource;

namespace Trade4Msmes.Web.Features;

// The English names of stored values, translated where shown: L[Labels.Of(role)].
public static class Labels
{
    public static string Of(Role role) => role switch
    {
        Role.Editor => Phrase("Editor"),
        Role.EconomyOfficial => Phrase("Economy official"),
        _ => Phrase("Subscriber"),
    };

    public static string Of(SubmissionState state) => state switch
    {
        SubmissionState.Draft => Phrase("Draft"),
        SubmissionState.Submitted => Phrase("Submitted"),
        SubmissionState.Published => Phrase("Published"),
        _ => Phrase("Returned"),
    };

    public static string Of(RevisionEvent revision) => revision switch
    {
        RevisionEvent.Saved => Phrase("Saved"),
        RevisionEvent.Submitted => Phrase("Submitted"),
        RevisionEvent.Published => Phrase("Published"),
        _ => Phrase("Returned"),
    };

    public static string Of(AlertFrequency frequency) => frequency switch
    {
        AlertFrequency.Immediate => Phrase("As soon as it happens"),
        AlertFrequency.Daily => Phrase("Daily digest"),
        _ => Phrase("Weekly digest"),
    };

    public static string Of(NotificationType type) => type switch
    {
        NotificationType.Regular => Phrase("Regular"),
        NotificationType.Emergency => Phrase("Emergency"),
        NotificationType.Addendum => Phrase("Addendum"),
        NotificationType.Corrigendum => Phrase("Corrigendum"),
        NotificationType.Revision => Phrase("Revision"),
        _ => Phrase("Supplement"),
    };
}
