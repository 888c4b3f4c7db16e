using Trade4Msmes.Web.Features.Agreements;

namespace Trade4Msmes.Tests.Agreements;

public class AgreementFilterInputTests
{
    static AgreementFilterInput Input(string? party = null, string? status = null, string? type = null, string? inForceOn = null, int? page = null) =>
        new(party, status, type, inForceOn, null, page, null);

    [Fact]
    public void NormalizesAValidFilter()
    {
        Input("ken", "in-force", "fta", "2024-07-01", 2).TryParse(out var filter, out var error).ShouldBeTrue();

        error.ShouldBeNull();
        filter.Party.ShouldBe("KEN");
        filter.Status.ShouldBe(AgreementStatus.InForce);
        filter.Type.ShouldBe("FTA");
        filter.InForceOn.ShouldBe(new DateOnly(2024, 7, 1));
        filter.Page.ShouldBe(2);
    }

    [Theory]
    [InlineData("KE", null, null, null)]
    [InlineData("K3N", null, null, null)]
    [InlineData(null, "in force", null, null)]
    [InlineData(null, null, "XYZ", null)]
    [InlineData(null, null, null, "2024-13-01")]
    [InlineData(null, null, null, "01/07/2024")]
    [InlineData(null, null, null, "yesterday")]
    public void RejectsInputItCannotUnderstand(string? party, string? status, string? type, string? inForceOn)
    {
        Input(party, status, type, inForceOn).TryParse(out _, out var error).ShouldBeFalse();

        error.ShouldNotBeNull();
        error.Format().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void RejectsPageZero() => Input(page: 0).TryParse(out _, out _).ShouldBeFalse();
}
