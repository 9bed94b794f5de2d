<?php

return [

    /*
    | Proxies whose X-Forwarded-For/-Host/-Port/-Proto headers the app believes
    | (App\Http\Middleware\TrustProxies reads this): comma-separated IP addresses,
    | or "*" for whichever address connects — only when every request reaches the
    | app through a load balancer you control. Unset: no proxy is trusted, and a
    | client cannot pretend to have come over HTTPS.
    */
    'proxies' => env('TRUSTED_PROXIES'),

];
