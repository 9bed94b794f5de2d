<?php

/*
| Proxies whose X-Forwarded-For/-Host/-Port/-Proto headers the app believes
| (Laravel's TrustProxies middleware reads this): comma-separated IP addresses,
| or "*" for whichever address connects — only when every request reaches the
| app through a load balancer you control. Unset: no proxy is trusted, a client
| cannot pretend to have come over HTTPS, and rate limits count the real peer.
*/
return [

    'proxies' => env('TRUSTED_PROXIES'),

];
