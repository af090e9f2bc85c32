namespace Altostrat.Engine.RouterOs.Client;

/// <summary>The router refused the user name or password. The message never contains the password.</summary>
public sealed class RouterAuthenticationException : RouterException
{
    public RouterAuthenticationException(string host, string userName, string routerMessage)
        : base($"{host} refused the login of user '{userName}': {routerMessage}. Check the user name and password, and that the user's group has the 'api' policy.")
    {
        Host = host;
        UserName = userName;
    }

    public string Host { get; }

    public string UserName { get; }
}
