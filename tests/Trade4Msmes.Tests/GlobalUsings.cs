global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using Shouldly;
global using Xunit;
global using System.Text.RegularExpressions;
