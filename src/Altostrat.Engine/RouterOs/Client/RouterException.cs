using System;

namespace Altostrat.Engine.RouterOs.Client;

/// <summary>The base of every failure talking to a router, so callers can tell router failures from their own bugs.</summary>
public abstract class RouterException : Exception
{
    protected RouterException(string message) : base(message) { }

    protected RouterException(string message, Exception? inner) : base(message, inner) { }
}
