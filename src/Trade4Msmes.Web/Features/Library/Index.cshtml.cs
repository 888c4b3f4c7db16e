using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Trade4Msmes.Web.Features.Agreements;

namespace Trade4Msmes.Web.Features.Library;

public class IndexModel(LibraryCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Topic { get; set; }
    [BindProperty(SupportsGet = true)] public string? Audience { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Available { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    public LibraryAnswer? Answer { get; private set; }
    public InputError? Error { get; private set; }

    public IActionResult OnGet()
    {
        var (filter, problem) = new LibraryInput(Q, Topic, Audience, Type, Available, Region).Parse();
        if (problem is not null)
        {
            Error = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Answer = catalog.Search(filter!, Languages.Current);
        return Page();
    }

    public int Count(string facet, string value) =>
        Answer?.Facets.GetValueOrDefault(facet)?.FirstOrDefault(f => f.Value == value)?.Count ?? 0;
}
