<?php

namespace App\Providers;

use Illuminate\Foundation\Support\Providers\AuthServiceProvider as ServiceProvider;

class AuthServiceProvider extends ServiceProvider
{
    /**
     * Model to policy mappings, e.g. Document::class => DocumentPolicy::class.
     *
     * @var array<class-string, class-string>
     */
    protected $policies = [
        //
    ];

    /**
     * Register authorization gates.
     */
    public function boot(): void
    {
        $this->registerPolicies();
    }
}
