<?php

namespace App\Providers;

use Illuminate\Foundation\Support\Providers\EventServiceProvider as ServiceProvider;

class EventServiceProvider extends ServiceProvider
{
    /**
     * Event to listener mappings. Listeners that implement ShouldQueue run on the
     * queue worker like any job.
     *
     * @var array<class-string, array<int, class-string>>
     */
    protected $listen = [
        //
    ];
}
