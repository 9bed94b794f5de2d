@props(['status'])

<span {{ $attributes->merge(['class' => 'status status-'.$status]) }}>{{ $status }}</span>
