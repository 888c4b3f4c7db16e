using Trade4Msmes.Web.Features.Nomenclature;

namespace Trade4Msmes.Tests.Nomenclature;

public class HsCodeFormatTests
{
    [Theory]
    [InlineData("09", "09")]
    [InlineData("0901", "0901")]
    [InlineData("090121", "090121")]
    [InlineData("0901.21", "090121")]
    [InlineData("09 01 21", "090121")]
    public void AcceptsCodesAsPeopleTypeThem(string input, string expected)
    {
        HsCodeFormat.TryNormalize(input, out var code).ShouldBeTrue();
        code.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("9")]
    [InlineData("901")]
    [InlineData("09012")]
    [InlineData("09012100")]
    [InlineData("abcd")]
    [InlineData("09-01")]
    [InlineData("٠٩٠١")] // Arabic-Indic digits are digits to .NET, but not HS codes
    public void RejectsWhatIsNotAChapterHeadingOrSubheading(string? input) =>
        HsCodeFormat.TryNormalize(input, out _).ShouldBeFalse();

    [Theory]
    [InlineData("090121", "0901.21")]
    [InlineData("0901", "0901")]
    public void DisplaysSubheadingsWithADot(string code, string expected) => HsCodeFormat.Display(code).ShouldBe(expected);
}
