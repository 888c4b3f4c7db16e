using System.Globalization;
using Trade4Msmes.Web.Features.Economies;

namespace Trade4Msmes.Web.Features.Agreements;

// What a person or a client typed, before it is checked. Shared by the page and the API so both
// reject the same input with the same words (the page translates them).
public record AgreementFilterInput(string? Party, string? Status, string? Type, string? InForceOn, string? Q, int? Page, int? PageSize)
{
    public bool TryParse(out AgreementFilter filter, out InputError? error)
    {
        filter = new AgreementFilter();
        error = null;
        string? party = null;
        if (!string.IsNullOrWhiteSpace(Party) && !EconomyCode.TryNormalize(Party.Trim(), out party))
        {
            error = new InputError("“{0}” is not an economy code: use three letters, such as KEN or FRA.", Party);
            return false;
        }
        var status = AgreementStatus.FromSlug(Status);
        if (!string.IsNullOrWhiteSpace(Status) && status is null)
        {
            error = new InputError("Unknown status “{0}”. Use one of: {1}.", Status, string.Join(", ", AgreementStatus.All.Select(s => s.Slug)));
            return false;
        }
        var type = Type?.Trim().ToUpperInvariant();
        if (!string.IsNullOrWhiteSpace(type) && !AgreementType.All.Contains(type))
        {
            error = new InputError("Unknown agreement type “{0}”. Use one of: {1}.", Type!, string.Join(", ", AgreementType.All));
            return false;
        }
        DateOnly? inForceOn = null;
        if (!string.IsNullOrWhiteSpace(InForceOn))
        {
            if (!DateOnly.TryParseExact(InForceOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                error = new InputError("“{0}” is not a date: write it as YYYY-MM-DD, for example 2026-01-31.", InForceOn);
                return false;
            }
            inForceOn = date;
        }
        if (Page is < 1 || PageSize is < 1 or > AgreementFilter.MaxPageSize)
        {
            error = new InputError("Pages start at 1 and hold at most {0} agreements.", AgreementFilter.MaxPageSize);
            return false;
        }
        filter = new AgreementFilter(party, status, string.IsNullOrWhiteSpace(type) ? null : type, inForceOn, Q?.Trim(),
            Page ?? 1, PageSize ?? AgreementFilter.DefaultPageSize);
        return true;
    }
}

public record InputError(string Message, params object[] Arguments)
{
    public string Format() => string.Format(CultureInfo.InvariantCulture, Message, Arguments);
}
