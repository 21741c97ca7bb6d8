using System;
using System.Collections.Generic;

namespace Emr.Codegen.Runtime.Tests
{
    /// <summary>ApiClientSettings, what AddEmrClient builds clients from: configuration binding, copies, credentials.</summary>
    public class ClientSettingsTests
    {
        private static Func<string, string?> Section(params (string Key, string Value)[] values)
        {
            var map = new Dictionary<string, string>();
            foreach (var (key, value) in values)
            {
                map[key] = value;
            }

            return key => map.TryGetValue(key, out string? value) ? value : null;
        }

        [Fact]
        public void Every_documented_key_is_read_and_keys_not_set_keep_their_values()
        {
            var hook = new Action<ApiClientRequestInfo>(_ => { });
            var settings = new ApiClientSettings { Options = new ApiClientOptions { MaxRetries = 7, OnRequest = hook } };
            settings.Bind(Section(("Region", "ap-guangzhou"), ("Endpoint", "http://127.0.0.1:9/"), ("Timeout", "00:00:05"), ("RetryBaseDelay", "00:00:00.050"), ("MaxRetryDelay", "00:01:00"), ("ValidateRequests", "false")));
            Assert.Equal("ap-guangzhou", settings.Region);
            Assert.Equal(new Uri("http://127.0.0.1:9/"), settings.Options!.Endpoint);
            Assert.Equal(TimeSpan.FromSeconds(5), settings.Options.Timeout);
            Assert.Equal(TimeSpan.FromMilliseconds(50), settings.Options.RetryBaseDelay);
            Assert.Equal(TimeSpan.FromMinutes(1), settings.Options.MaxRetryDelay);
            Assert.False(settings.Options.ValidateRequests);
            Assert.Equal(7, settings.Options.MaxRetries);
            Assert.Same(hook, settings.Options.OnRequest);
        }

        [Fact]
        public void Binding_copies_the_options_it_was_given_instead_of_changing_them()
        {
            var shared = new ApiClientOptions { Timeout = TimeSpan.FromSeconds(60) };
            var settings = new ApiClientSettings { Options = shared };
            settings.Bind(Section(("Timeout", "00:00:05")));
            Assert.Equal(TimeSpan.FromSeconds(60), shared.Timeout);
            Assert.Equal(TimeSpan.FromSeconds(5), settings.Options!.Timeout);
            Assert.NotSame(shared, settings.Options);
        }

        [Theory]
        [InlineData("Timeout", "60")]          // .NET would read a bare number as 60 days
        [InlineData("Timeout", "00:00:00")]    // every attempt would time out at once
        [InlineData("Timeout", "30.00:00:00")] // beyond what a timer holds
        [InlineData("RetryBaseDelay", "-00:00:01")]
        [InlineData("MaxRetries", "many")]
        [InlineData("ValidateRequests", "yes")]
        [InlineData("Endpoint", "not an address")]
        public void A_value_that_does_not_parse_is_refused_with_its_key(string key, string value)
        {
            var error = Assert.Throws<InvalidOperationException>(() => new ApiClientSettings().Bind(Section((key, value))));
            Assert.Contains("sets " + key + " to '" + value + "'", error.Message);
        }

        [Theory]
        [InlineData("SecretKey")]
        [InlineData("SecretId")]
        [InlineData("Token")]
        [InlineData("Credential:SecretKey")]
        public void A_credential_in_configuration_is_refused_without_showing_it(string key)
        {
            var error = Assert.Throws<InvalidOperationException>(() => new ApiClientSettings().Bind(Section((key, "very-secret-value"))));
            Assert.Contains("'" + key + "'", error.Message);
            Assert.DoesNotContain("very-secret-value", error.Message);
        }

        [Fact]
        public void The_credential_is_the_given_one_else_the_provider_s_and_the_options_get_the_container_s_logger_unless_they_have_one()
        {
            var given = new ApiCredential("AKIDgiven00000001", "given-key");
            var provided = new ApiCredential("AKIDprovided00001", "provided-key");
            Assert.Same(given, new ApiClientSettings { Credential = given, CredentialProvider = _ => provided }.ResolveCredential(EmptyServices.Instance));
            Assert.Same(provided, new ApiClientSettings { CredentialProvider = _ => provided }.ResolveCredential(EmptyServices.Instance));
            var options = new ApiClientOptions();
            ApiClientOptions resolved = new ApiClientSettings { Options = options }.ResolveOptions(null);
            Assert.NotSame(options, resolved);
            Assert.Null(resolved.Logger);
        }

        private sealed class EmptyServices : IServiceProvider
        {
            public static readonly EmptyServices Instance = new();

            public object? GetService(Type serviceType) => null;
        }
    }
}
