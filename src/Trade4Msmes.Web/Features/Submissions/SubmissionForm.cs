namespace Trade4Msmes.Web.Features.Submissions;

// What the fields partial needs: the kind's fields, the values to show, the problems to point at, and the
// options of the fields whose options depend on the economy.
public sealed record SubmissionForm(SubmissionKind Kind, IReadOnlyDictionary<string, string?> Values, IReadOnlyDictionary<string, string> Problems,
    IReadOnlyDictionary<string, IReadOnlyList<Policy.PolicyCategory>> Choices)
{
    // Each field arrives as "field.<name>" so the form can grow new kinds without new page models.
    public static Dictionary<string, string?> Read(IFormCollection form, SubmissionKind kind) =>
        kind.Fields.ToDictionary(f => f.Name, f => (string?)form[$"field.{f.Name}"].ToString());
}
