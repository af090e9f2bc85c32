using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Altostrat.Engine.Http;

internal sealed class AuthenticationHandler : DelegatingHandler
{
    private readonly AltoApiOptions _options;

    public AuthenticationHandler(AltoApiOptions options) => _options = options;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(_options.Token))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        return base.SendAsync(request, cancellationToken);
    }
}
