namespace Trade4Msmes.EndToEnd.Infrastructure;

// One visitor in a fresh browser context. Every navigation goes through GotoAsync, FollowAsync or PressAsync,
// which wait for the expected address and then check the page: no axe-core violations, within the weight
// budget, no third-party requests. Disposing fails the test if a page was reached some other way, unchecked.
public sealed class Journey : IAsyncDisposable
{
    readonly Site site;
    readonly IBrowserContext context;
    readonly object gate = new();
    List<IRequest> pageRequests = [];
    readonly List<string> visited = [];
    readonly HashSet<string> checkedPages = [];
    bool failed;

    Journey(Site site, IBrowserContext context, IPage page)
    {
        this.site = site;
        this.context = context;
        Page = page;
        page.Request += (_, request) =>
        {
            lock (gate)
            {
                // A new document in the main frame starts a new page (a redirect starts another one).
                if (request.IsNavigationRequest && request.Frame == page.MainFrame)
                {
                    pageRequests = [];
                }
                pageRequests.Add(request);
            }
        };
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                lock (gate)
                {
                    visited.Add(WithoutFragment(frame.Url));
                }
            }
        };
    }

    public IPage Page { get; }

    // phoneWidth: a phone's screen, e.g. 375 CSS pixels wide, touch and all.
    public static async Task<Journey> StartAsync(Site site, int? phoneWidth = null)
    {
        var context = await site.Browser.NewContextAsync(new()
        {
            BaseURL = site.BaseUrl.ToString(),
            // axe-core is injected as an inline script, which the app's Content-Security-Policy forbids.
            BypassCSP = true,
            Locale = "en-GB",
            ViewportSize = phoneWidth is { } width ? new ViewportSize { Width = width, Height = 740 } : null,
            IsMobile = phoneWidth is not null,
            HasTouch = phoneWidth is not null,
        });
        // Generous: the whole suite shares two cores with the app and the browser.
        context.SetDefaultTimeout(20_000);
        return new Journey(site, context, await context.NewPageAsync());
    }

    // Typing an address: asserts the status code, then checks the page.
    public Task<IResponse> GotoAsync(string path, int expectedStatus = 200) => Step(async () =>
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}");
        response.Status.ShouldBe(expectedStatus, $"GET {path}");
        await CheckPageAsync();
        return response;
    });

    // Clicking a link or button that leads to a page whose address matches expectedUrl.
    public Task FollowAsync(ILocator target, Regex expectedUrl) => Step(async () =>
    {
        await target.ClickAsync();
        await ArriveAsync(expectedUrl);
    });

    // Pressing a key (Enter on a focused link or form field) that leads to a page whose address matches expectedUrl.
    public Task PressAsync(string key, Regex expectedUrl) => Step(async () =>
    {
        await Page.Keyboard.PressAsync(key);
        await ArriveAsync(expectedUrl);
    });

    // Presses Tab until the target has the focus, as a keyboard user would.
    public Task TabToAsync(ILocator target, int maxPresses = 150) => Step(async () =>
    {
        for (var i = 0; i < maxPresses; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
            await Page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"{maxPresses} presses of Tab on {Page.Url} did not reach {target}.");
    });

    // Runs the page checks on the current page; the navigation helpers call it.
    public async Task CheckPageAsync()
    {
        List<IRequest> requests;
        lock (gate)
        {
            requests = [.. pageRequests];
        }
        var problems = new List<string>();
        problems.AddRange(await Accessibility.ViolationsAsync(Page, site.AxeSource));
        problems.AddRange(await PageWeight.ProblemsAsync(site.BaseUrl, site.RawClient, requests));
        lock (gate)
        {
            checkedPages.Add(WithoutFragment(Page.Url));
        }
        if (problems.Count > 0)
        {
            Assert.Fail($"{problems.Count} problem(s) on {Page.Url}:\n  " + string.Join("\n  ", problems));
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<string> uncheckedPages;
        lock (gate)
        {
            uncheckedPages = visited.Where(url => !checkedPages.Contains(url) && url != "about:blank").Distinct().ToList();
        }
        await context.DisposeAsync();
        if (!failed && uncheckedPages.Count > 0)
        {
            Assert.Fail("Pages reached without the page checks (navigate with GotoAsync, FollowAsync or PressAsync): "
                + string.Join(", ", uncheckedPages));
        }
    }

    // Following an in-page link (#main) stays on the checked page.
    static string WithoutFragment(string url) => url.Split('#')[0];

    async Task ArriveAsync(Regex expectedUrl)
    {
        await Page.WaitForURLAsync(expectedUrl);
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await CheckPageAsync();
    }

    async Task<T> Step<T>(Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch
        {
            failed = true;
            throw;
        }
    }

    async Task Step(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch
        {
            failed = true;
            throw;
        }
    }
}
